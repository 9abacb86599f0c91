import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { agentActor } from '../domain/actor.ts'
import { isRinaError } from '../errors.ts'
import { signal } from '../testing/incident.ts'
import { noteIncident } from './incident-actions.ts'
import { resolveIncident } from './incident-resolve.ts'
import type { IncidentFixture } from './incident-testing.ts'
import { incidentFixture } from './incident-testing.ts'
import { findIncident, listIncidents, showIncident } from './incident-view.ts'
import { recordSignals } from './incident.ts'
import { healthCheck } from './health.ts'
import { requestNotification } from './notify.ts'

describe('incident views', () => {
  let f: IncidentFixture
  let api: string
  let worker: string
  beforeEach(async () => {
    f = incidentFixture({ logs: false })
    const agent = f.as(agentActor('incident'))
    api = (await recordSignals(agent, [signal({ service: 'api', probe: 'up' })])).opened[0]!
    f.ctx.clock.advance(60_000)
    const later = signal({ service: 'worker', probe: 'queue', time: '2026-01-05T10:01:00.000Z' })
    worker = (await recordSignals(agent, [later])).opened[0]!
  })
  afterEach(() => f.dispose())

  it('lists unresolved incidents newest first, and resolved ones too with all', async () => {
    await resolveIncident(f.ctx, api, { reason: 'restarted api' })
    const open = await listIncidents(f.ctx)
    assert.deepEqual(
      open.map((i) => [i.id, i.status, i.next]),
      [[worker, 'open', `rina incident ack ${worker}`]],
    )
    const all = await listIncidents(f.ctx, { all: true })
    assert.deepEqual(
      all.map((i) => i.id),
      [worker, api],
    )
    assert.match(all[1]!.next!, /^rina freeze disable|^rina health-check/)
  })

  it('shows the plan, the timeline of its own events and the recovery path', async () => {
    await noteIncident(f.ctx, api, { text: 'api pods restarting' })
    await noteIncident(f.ctx, worker, { text: 'queue is fine' })
    const v = await showIncident(f.ctx, api)
    assert.equal(v.plan?.type, 'outage')
    const texts = v.timeline.map((t) => t.text)
    assert.ok(texts.includes('incident.note: api pods restarting'))
    assert.ok(!texts.some((t) => t.includes('queue is fine')))
    assert.equal(v.recovery.available, false)
    assert.equal('seqs' in v, false)
  })

  it('marks plan steps done from the journal: health check, notification and a passing verification', async () => {
    await healthCheck(f.ctx, ['production'])
    await requestNotification(f.ctx, { text: 'api is down', severity: 'critical', env: 'production' })
    const v = await showIncident(f.ctx, api)
    const status = Object.fromEntries(v.plan!.steps.map((s) => [s.id, s.status]))
    assert.equal(status['assess-health'], 'done')
    assert.equal(status.notify, 'done')
    assert.equal(status.verify, 'done')
    f.down(true)
    await healthCheck(f.ctx, ['production'])
    const after = await showIncident(f.ctx, api)
    assert.equal(after.plan!.steps.find((s) => s.id === 'verify')!.status, 'todo')
  })

  it('finds an incident by a unique prefix and refuses an ambiguous or unknown one', async () => {
    const state = await f.ctx.journal.state()
    assert.equal(findIncident(state, api).id, api)
    assert.throws(
      () => findIncident(state, 'inc_'),
      (e) => isRinaError(e, 'USAGE'),
    )
    assert.throws(
      () => findIncident(state, 'zzz'),
      (e) => isRinaError(e, 'NOT_FOUND'),
    )
  })
})
