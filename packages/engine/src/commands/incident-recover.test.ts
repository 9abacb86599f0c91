import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { agentActor } from '../domain/actor.ts'
import type { JournalEvent } from '../domain/events.ts'
import { isRinaError } from '../errors.ts'
import { signal } from '../testing/incident.ts'
import { enableFreeze } from './freeze.ts'
import { parseRecoveryStep, recoverIncident } from './incident-recover.ts'
import { resolveIncident } from './incident-resolve.ts'
import type { IncidentFixture } from './incident-testing.ts'
import { incidentFixture } from './incident-testing.ts'
import { recordSignals } from './incident.ts'

const stepEvents = async (f: IncidentFixture) =>
  (await f.ctx.journal.all()).filter(
    (e): e is JournalEvent<'incident.recovery_step'> => e.type === 'incident.recovery_step',
  )

describe('recoverIncident', () => {
  let f: IncidentFixture
  let id: string
  beforeEach(async () => {
    f = incidentFixture({ logs: false })
    f.down(true)
    id = (await recordSignals(f.as(agentActor('incident')), [signal({ service: 'api', probe: 'up' })]))
      .opened[0]!
    await enableFreeze(f.ctx, { envs: ['production'], reason: `incident ${id}` })
  })
  afterEach(() => f.dispose())

  it('refuses recovery steps until the incident is resolved, but shows the path', async () => {
    const shown = await recoverIncident(f.ctx, id)
    assert.equal(shown.step, null)
    assert.equal(shown.recovery.available, false)
    await assert.rejects(recoverIncident(f.ctx, id, { step: 'verify' }), (e) => isRinaError(e, 'GATE_DENIED'))
  })

  it('walks unfreeze, verify, update and resume, journaling each step, after the resolution', async () => {
    await resolveIncident(f.ctx, id, { reason: 'api restarted' })
    const path = await recoverIncident(f.ctx, id)
    assert.deepEqual(path.recovery.next?.stepId, 'unfreeze')

    const blocked = await recoverIncident(f.ctx, id, { step: 'resume' })
    assert.equal(blocked.step?.done, false)
    assert.match(blocked.step!.detail, /production is frozen/)

    const unfrozen = await recoverIncident(f.ctx, id, { step: 'unfreeze', reason: `incident ${id} resolved` })
    assert.deepEqual([unfrozen.step?.done, unfrozen.step?.detail], [true, 'unfroze production'])
    assert.equal((await f.ctx.journal.state()).freezes.production, undefined)

    const failing = await recoverIncident(f.ctx, id, { step: 'verify' })
    assert.deepEqual([failing.step?.done, failing.step?.detail], [false, 'still failing: api/up'])
    assert.equal(failing.recovery.next?.stepId, 'verify-restored')
    f.down(false)
    const verified = await recoverIncident(f.ctx, id, { step: 'verify' })
    assert.equal(verified.step?.done, true)

    const update = await recoverIncident(f.ctx, id, { step: 'update' })
    assert.equal(update.step?.done, true)
    assert.ok(update.notificationId)
    const requested = (await f.ctx.journal.all()).find((e) => e.type === 'notification.requested')!
    assert.match((requested.payload as { title: string }).title, /^Resolved: Outage in production/)

    const resumed = await recoverIncident(f.ctx, id, { step: 'resume' })
    assert.equal(resumed.step?.done, true)
    assert.equal(resumed.recovery.complete, true)
    assert.equal(resumed.recovery.next, null)

    assert.deepEqual(
      (await stepEvents(f)).map((e) => [e.payload.step, e.payload.done]),
      [
        ['resume-deploys', false],
        ['unfreeze', true],
        ['verify-restored', false],
        ['verify-restored', true],
        ['send-update', true],
        ['resume-deploys', true],
      ],
    )
  })

  it('refuses an agent that tries the unfreeze step, and journals nothing for it', async () => {
    await resolveIncident(f.ctx, id, { reason: 'api restarted' })
    await assert.rejects(
      recoverIncident(f.as(agentActor('incident')), id, { step: 'unfreeze', reason: 'resolved' }),
      (e) => isRinaError(e, 'GATE_DENIED'),
    )
    await assert.rejects(recoverIncident(f.ctx, id, { step: 'unfreeze' }), /needs a reason/)
    assert.equal((await stepEvents(f)).length, 0)
  })

  it('takes the short and the full step names and refuses others', () => {
    assert.equal(parseRecoveryStep('verify'), 'verify-restored')
    assert.equal(parseRecoveryStep('send-update'), 'send-update')
    assert.throws(
      () => parseRecoveryStep('celebrate'),
      (e) => isRinaError(e, 'USAGE'),
    )
  })
})
