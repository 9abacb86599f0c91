import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { agentActor, humanActor } from '../domain/actor.ts'
import { isRinaError } from '../errors.ts'
import { signal } from '../testing/incident.ts'
import { acknowledgeIncident, escalateIncident, noteIncident, parseSeverity } from './incident-actions.ts'
import { resolveIncident } from './incident-resolve.ts'
import type { IncidentFixture } from './incident-testing.ts'
import { incidentFixture } from './incident-testing.ts'
import { recordSignals } from './incident.ts'

describe('incident actions', () => {
  let f: IncidentFixture
  let id: string
  beforeEach(async () => {
    f = incidentFixture()
    id = (await recordSignals(f.as(agentActor('incident')), [signal({ service: 'api', probe: 'up' })]))
      .opened[0]!
  })
  afterEach(() => f.dispose())

  it('acknowledges once and reports a second acknowledgement as unchanged', async () => {
    const first = await acknowledgeIncident(f.ctx, id)
    assert.equal(first.changed, true)
    const second = await acknowledgeIncident(f.ctx, id)
    assert.deepEqual(second, { incidentId: id, changed: false, seq: null })
    const i = (await f.ctx.journal.state()).incidents[id]!
    assert.equal(i.status, 'acknowledged')
    assert.equal(i.acknowledgedBy?.id, 'ana@example.com')
  })

  it('accepts an incident id by a unique prefix when acknowledging', async () => {
    const r = await acknowledgeIncident(f.ctx, id.slice(0, 6))
    assert.equal(r.incidentId, id)
  })

  it('journals the text and the steps marked done when a note is added', async () => {
    await noteIncident(f.ctx, id, { text: 'api restarted', done: ['investigate'] })
    const e = (await f.ctx.journal.all()).at(-1)!
    assert.equal(e.type, 'incident.note')
    assert.equal(e.reason, 'api restarted')
    assert.deepEqual((await f.ctx.journal.state()).incidents[id]!.doneSteps, ['investigate'])
  })

  it('refuses an empty note or a step the plan does not have', async () => {
    await assert.rejects(noteIncident(f.ctx, id, { text: '  ' }), (e) => isRinaError(e, 'USAGE'))
    await assert.rejects(noteIncident(f.ctx, id, { text: 'x', done: ['dance'] }), /has no step dance/)
  })

  it('changes the severity with the reason when a person escalates', async () => {
    const r = await escalateIncident(f.ctx, id, { severity: 'sev1', reason: 'checkout is down for everyone' })
    assert.equal(r.to, 'SEV1')
    assert.equal(r.changed, true)
    const e = (await f.ctx.journal.all()).at(-1)!
    assert.equal(e.type, 'incident.escalated')
    assert.equal(e.reason, 'checkout is down for everyone')
    assert.equal((await f.ctx.journal.state()).incidents[id]!.severity, 'SEV1')
  })

  it('refuses an agent that escalates, and journals nothing', async () => {
    const before = (await f.ctx.journal.all()).length
    await assert.rejects(
      escalateIncident(f.as(agentActor('incident')), id, { severity: 'SEV1', reason: 'errors rising' }),
      (e) => isRinaError(e, 'GATE_DENIED') && /human decision/.test(e.message),
    )
    assert.equal((await f.ctx.journal.all()).length, before)
  })

  it('refuses an escalation without a reason or with an unknown severity', async () => {
    await assert.rejects(
      escalateIncident(f.ctx, id, { severity: 'SEV1', reason: undefined }),
      /needs a reason/,
    )
    await assert.rejects(escalateIncident(f.ctx, id, { severity: 'SEV5', reason: 'worse' }), (e) =>
      isRinaError(e, 'USAGE'),
    )
  })

  it('refuses to acknowledge or escalate a resolved incident', async () => {
    await resolveIncident(f.ctx, id, { reason: 'api restarted, probes pass' })
    await assert.rejects(acknowledgeIncident(f.ctx, id), (e) => isRinaError(e, 'GATE_DENIED'))
    await assert.rejects(
      escalateIncident(f.as(humanActor('bob@example.com')), id, { severity: 'SEV1', reason: 'late' }),
      /was resolved/,
    )
  })

  it('names the incident it cannot find', async () => {
    await assert.rejects(acknowledgeIncident(f.ctx, 'inc_nope'), (e) => isRinaError(e, 'NOT_FOUND'))
  })

  it('reads severities case-insensitively', () => {
    assert.equal(parseSeverity('sev3'), 'SEV3')
    assert.throws(() => parseSeverity('high'), /not a severity/)
  })
})
