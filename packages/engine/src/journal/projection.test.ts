/**
 * @module The projection version guard: the state projected from a fixture journal holding every event type has
 * the fingerprint recorded for PROJECTION_VERSION, so a change to the fold that forgets to bump the version (and
 * would let old snapshots pass for new ones) fails here.
 */
import assert from 'node:assert/strict'
import { hash } from 'node:crypto'
import { describe, it } from 'node:test'
import type { EventType } from '../domain/events.ts'
import type { State } from '../domain/state.ts'
import { createMemoryStore } from '../store/memory/index.ts'
import { countingIds, FakeClock } from '../testing/fakes.ts'
import { realisticHistory } from '../testing/journal-history.ts'
import { canonicalJson } from './canonical.ts'
import { Journal } from './journal.ts'
import { PROJECTION_FINGERPRINTS, PROJECTION_VERSION } from './projection.ts'

/** Every event type (the compiler checks the list is complete). */
const EVERY_TYPE: Record<EventType, true> = {
  'freeze.enabled': true,
  'freeze.disabled': true,
  'freeze.expired': true,
  'notification.requested': true,
  'notification.delivered': true,
  'notification.dead_lettered': true,
  'notification.requeued': true,
  'release.registered': true,
  'preflight.completed': true,
  'approval.granted': true,
  'deploy.started': true,
  'deploy.command_started': true,
  'deploy.step_completed': true,
  'health.gate_completed': true,
  'deploy.succeeded': true,
  'deploy.failed': true,
  'deploy.interrupted': true,
  'rollback.prepared': true,
  'health.checked': true,
  'health.changed': true,
  'logs.signal': true,
  'deploy.verification_failed': true,
  'deploy.verification_passed': true,
  'agent.failed': true,
  'token.created': true,
  'token.revoked': true,
  'incident.opened': true,
  'incident.updated': true,
  'incident.acknowledged': true,
  'incident.escalated': true,
  'incident.note': true,
  'incident.resolved': true,
  'incident.recovery_step': true,
}

/** The fixture journal: 4,000 generated events, a minute apart in batches of 20. */
async function fixture(): Promise<{ state: State; types: Set<string> }> {
  const store = createMemoryStore(countingIds('evt').ids)
  const clock = new FakeClock('2026-01-05T10:00:00.000Z')
  const journal = new Journal(store.journal, clock)
  const drafts = realisticHistory(4_000, 7)
  for (let i = 0; i < drafts.length; i += 20) {
    await journal.append(drafts.slice(i, i + 20))
    clock.advance(60_000)
  }
  return { state: await journal.state(), types: new Set(drafts.map((d) => d.type)) }
}

describe('projection version', () => {
  it('has the fingerprint recorded for PROJECTION_VERSION when the fixture journal is projected', async () => {
    const { state } = await fixture()
    const fingerprint = hash('sha256', canonicalJson(state))
    assert.equal(
      PROJECTION_FINGERPRINTS[PROJECTION_VERSION],
      fingerprint,
      `the projected state changed: if the fold changed, bump PROJECTION_VERSION in journal/projection.ts and record ` +
        `${PROJECTION_VERSION + 1}: '${fingerprint}' in PROJECTION_FINGERPRINTS (a changed fixture needs the same)`,
    )
  })

  it('records a different fingerprint for each version', () => {
    const prints = Object.values(PROJECTION_FINGERPRINTS)
    assert.equal(new Set(prints).size, prints.length)
    assert.equal(Math.max(...Object.keys(PROJECTION_FINGERPRINTS).map(Number)), PROJECTION_VERSION)
  })

  it('folds every event type when the fixture journal is generated', async () => {
    const { types } = await fixture()
    const missing = Object.keys(EVERY_TYPE).filter((t) => !types.has(t))
    assert.deepEqual(missing, [], 'the fixture must hold every event type the fold may see')
  })
})
