import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { releaseState, stateWith } from '../testing/state.ts'
import { requiredPredecessor, validatedGate } from './validated.ts'

describe('requiredPredecessor', () => {
  it('is the previous environment in promotion order when none is configured', () => {
    assert.equal(requiredPredecessor(['dev', 'staging', 'production'], 'production'), 'staging')
    assert.equal(requiredPredecessor(['dev', 'staging', 'production'], 'dev'), null)
    assert.equal(requiredPredecessor(['dev', 'staging', 'production'], 'production', 'dev'), 'dev')
  })
})

describe('validatedGate', () => {
  const scenarios = [
    {
      name: 'allows a release that passed staging',
      validatedIn: ['staging'],
      mustPass: 'staging',
      allowed: true,
    },
    {
      name: 'denies a release that never passed staging',
      validatedIn: [],
      mustPass: 'staging',
      allowed: false,
    },
    {
      name: 'denies a release that passed another environment only',
      validatedIn: ['dev'],
      mustPass: 'staging',
      allowed: false,
    },
    { name: 'allows anything in the first environment', validatedIn: [], mustPass: null, allowed: true },
  ]
  for (const s of scenarios) {
    it(s.name, () => {
      const state = stateWith(releaseState('1.4.2', { validatedIn: s.validatedIn }))
      const d = validatedGate(state, { release: '1.4.2', env: 'production', mustPass: s.mustPass })
      assert.equal(d.allowed, s.allowed)
      if (!d.allowed) assert.match(d.reasons[0]!.hint ?? '', /rina deploy staging --release 1\.4\.2/)
    })
  }
  it('says when the release was never deployed at all', () => {
    const d = validatedGate(stateWith(), { release: '9.9.9', env: 'production', mustPass: 'staging' })
    assert.ok(!d.allowed && /never deployed/.test(d.reasons[0]!.message))
  })
})
