/** @module Which resources an event reloads, the store's folding of live events, and approvals waiting. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Store, resourcesFor } from './model.ts'
import type { EnvStatus, JournalEvent, ReleaseState } from './types.ts'
import { waitingApprovals } from './views/approvals.ts'

const event = (seq: number, type: string, payload: Record<string, unknown> = {}): JournalEvent => ({
  seq,
  id: `evt_${seq}`,
  time: '2025-01-01T00:00:00.000Z',
  type,
  actor: { kind: 'human', id: 'ana@example.com' },
  reason: null,
  payload,
  hash: '',
})

describe('resourcesFor', () => {
  it('maps each event family to the resources it changes', () => {
    assert.deepEqual(resourcesFor('deploy.step_completed'), ['status', 'runs', 'releases'])
    assert.deepEqual(resourcesFor('freeze.enabled'), ['status'])
    assert.deepEqual(resourcesFor('approval.granted'), ['releases'])
    assert.deepEqual(resourcesFor('incident.opened'), ['incidents'])
    assert.deepEqual(resourcesFor('token.created'), [])
  })
})

describe('Store.applyEvent', () => {
  it('appends to the audit trail, the run log and health once each when an event is replayed', () => {
    const s = new Store()
    const e = event(3, 'health.gate_completed', { runId: 'run_1', env: 'staging' })
    s.applyEvent(e)
    s.applyEvent(e)
    assert.deepEqual(
      [s.model.audit.length, s.model.runEvents.run_1?.length, s.model.health.length],
      [1, 1, 1],
    )
  })
})

describe('waitingApprovals', () => {
  const env = (name: string, current: string | null) => ({ env: name, current }) as EnvStatus
  const release = (id: string, validatedIn: string[]) => ({ id, validatedIn, approvals: {} }) as ReleaseState

  it('lists a release validated in staging for production until production runs it', () => {
    const envs = [env('staging', '1.1.0'), env('production', '1.0.0')]
    const releases = [
      release('1.0.0', ['staging', 'production']),
      release('1.1.0', ['staging']),
      release('1.2.0', []),
    ]
    assert.deepEqual(
      waitingApprovals(envs, releases).map((w) => [w.release.id, w.env]),
      [['1.1.0', 'production']],
    )
  })
})
