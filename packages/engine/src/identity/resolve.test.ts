import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { resolveHuman } from './resolve.ts'

describe('resolveHuman', () => {
  it('uses RINA_USER first when it is set', () => {
    const a = resolveHuman({ env: { RINA_USER: 'ana' }, cwd: '/', gitEmail: () => 'g@x', osUser: () => 'os' })
    assert.deepEqual(a, { kind: 'human', id: 'ana' })
  })
  it('falls back to git user.email when RINA_USER is empty', () => {
    const a = resolveHuman({ env: { RINA_USER: ' ' }, cwd: '/', gitEmail: () => 'g@x', osUser: () => 'os' })
    assert.deepEqual(a, { kind: 'human', id: 'g@x' })
  })
  it('falls back to the OS user when git has no email', () => {
    const a = resolveHuman({ env: {}, cwd: '/', gitEmail: () => null, osUser: () => 'os' })
    assert.deepEqual(a, { kind: 'human', id: 'os' })
  })
})
