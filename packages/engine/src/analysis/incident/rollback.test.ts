import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { deployFact, t } from '../../testing/incident.ts'
import type { DeployFact } from './deploys.ts'
import { prepareRollback } from './rollback.ts'

const good = deployFact('1.4.1', { runId: 'run_a', startedAt: t(-600), endedAt: t(-598) })
const bad = deployFact('1.4.2', { runId: 'run_b', startedAt: t(-10), endedAt: t(-8), previous: '1.4.1' })

const scenarios: {
  name: string
  deploys: DeployFact[]
  available?: string[]
  ready: boolean
  to: string | null
  taken?: string | null
  detail: RegExp
}[] = [
  {
    name: 'is ready when the incident follows a deploy and the release before ran healthy',
    deploys: [good, bad],
    ready: true,
    to: '1.4.1',
    detail: /1\.4\.1 ran healthy in production before 1\.4\.2 \(deployed, run run_b\)/,
  },
  {
    name: 'is ready when the deploy the incident follows failed',
    deploys: [good, { ...bad, status: 'failed' }],
    ready: true,
    to: '1.4.1',
    detail: /before 1\.4\.2 \(failed, run run_b\)/,
  },
  {
    name: 'is not ready when no deploy preceded the incident',
    deploys: [good],
    ready: false,
    to: null,
    detail: /no deploy to production in the 2h before/,
  },
  {
    name: 'is not ready when the deploy was the first release',
    deploys: [{ ...bad, previous: null }],
    ready: false,
    to: null,
    detail: /1\.4\.2 was the first release in production/,
  },
  {
    name: 'is not ready when the release before never passed its health gate here',
    deploys: [{ ...good, status: 'failed' }, bad],
    ready: false,
    to: null,
    detail: /1\.4\.1 never passed its health gate in production/,
  },
  {
    name: 'is not ready when the release before passed only in another environment',
    deploys: [{ ...good, env: 'staging' }, bad],
    ready: false,
    to: null,
    detail: /never passed/,
  },
  {
    name: 'is not ready when the provider no longer has the release before',
    deploys: [good, bad],
    available: ['1.4.2'],
    ready: false,
    to: null,
    detail: /1\.4\.1 is no longer in place/,
  },
  {
    name: 'reports the rollback taken when someone already rolled back',
    deploys: [
      good,
      bad,
      deployFact('1.4.1', { runId: 'run_c', kind: 'rollback', startedAt: t(3), endedAt: t(4) }),
    ],
    ready: false,
    to: null,
    taken: 'run_c',
    detail: /production already rolled back to 1\.4\.1 \(run run_c\)/,
  },
  {
    name: 'is not ready while another run is in progress',
    deploys: [
      good,
      bad,
      deployFact('1.4.3', { runId: 'run_d', status: 'running', startedAt: t(3), endedAt: null }),
    ],
    ready: false,
    to: null,
    detail: /run run_d \(deploy of 1\.4\.3\) is in progress/,
  },
]

describe('prepareRollback', () => {
  for (const s of scenarios) {
    it(`${s.name}`, () => {
      const r = prepareRollback({
        env: 'production',
        since: t(0),
        deploys: s.deploys,
        ...(s.available ? { available: s.available } : {}),
      })
      assert.equal(r.ready, s.ready)
      assert.equal(r.to, s.to)
      assert.equal(r.taken, s.taken ?? null)
      assert.match(r.detail, s.detail)
      assert.equal(r.command === null, !s.ready)
    })
  }

  it('gives the one command with the reason escaped when ready', () => {
    const r = prepareRollback({
      env: 'production',
      since: t(0),
      deploys: [good, bad],
      reason: 'checkout "500" since $REL',
    })
    assert.equal(r.command, 'rina rollback production --to 1.4.1 --reason "checkout \\"500\\" since \\$REL"')
    assert.equal(r.from, '1.4.2')
  })
})
