import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { agentActor, humanActor } from '../domain/actor.ts'
import type { JournalEvent } from '../domain/events.ts'
import { isRinaError } from '../errors.ts'
import { signal } from '../testing/incident.ts'
import { acknowledgeIncident } from './incident-actions.ts'
import { resolveIncident } from './incident-resolve.ts'
import type { IncidentFixture } from './incident-testing.ts'
import { deployDrafts, incidentFixture } from './incident-testing.ts'
import { recordSignals } from './incident.ts'

describe('resolveIncident', () => {
  let f: IncidentFixture
  let id: string
  beforeEach(async () => {
    f = incidentFixture()
    const ana = humanActor('ana@example.com')
    await f.append(deployDrafts('1.0.0', null, ana))
    f.ctx.clock.advance(10 * 60_000)
    await f.append(deployDrafts('1.1.0', '1.0.0', ana))
    f.ctx.clock.advance(2 * 60_000)
    const s = signal({ service: 'api', probe: 'up', time: f.ctx.clock.now().toISOString() })
    id = (await recordSignals(f.as(agentActor('incident')), [s])).opened[0]!
    f.ctx.clock.advance(60_000)
    await acknowledgeIncident(f.ctx, id)
    f.ctx.clock.advance(20 * 60_000)
  })
  afterEach(() => f.dispose())

  it('writes the postmortem draft beside rina.yml and journals its path when a person resolves', async () => {
    const r = await resolveIncident(f.ctx, id, { reason: 'rolled back to 1.0.0' })
    assert.equal(r.postmortemPath, `.rina/postmortems/${id}.md`)
    assert.equal(r.postmortem, join(f.dir, r.postmortemPath))
    const md = readFileSync(r.postmortem, 'utf8')
    assert.match(md, /^# Postmortem: Outage in production: api \(after 1\.1\.0\)/)
    for (const section of [
      '## Summary',
      '## Impact',
      '## Timeline (UTC)',
      '## Root cause',
      '## Action items',
    ])
      assert.ok(md.includes(section), section)
    assert.match(md, /lasted 21m/)
    assert.match(md, /The deploy of 1\.1\.0 caused it/)
    assert.match(md, /incident\.acknowledged/)
    assert.match(md, /incident\.resolved: rolled back to 1\.0\.0/)
    const e = (await f.ctx.journal.all()).at(-1) as JournalEvent<'incident.resolved'>
    assert.equal(e.type, 'incident.resolved')
    assert.equal(e.reason, 'rolled back to 1.0.0')
    assert.deepEqual(e.payload, { incidentId: id, env: 'production', postmortemPath: r.postmortemPath })
    assert.equal((await f.ctx.journal.state()).incidents[id]!.status, 'resolved')
    assert.equal(r.recovery.available, true)
  })

  it('refuses an agent or a missing reason, and writes nothing', async () => {
    await assert.rejects(
      resolveIncident(f.as(agentActor('incident')), id, { reason: 'quiet for 15m' }),
      (e) => isRinaError(e, 'GATE_DENIED'),
    )
    await assert.rejects(resolveIncident(f.ctx, id, { reason: '' }), /needs a reason/)
    assert.equal(existsSync(join(f.dir, '.rina/postmortems')), false)
  })

  it('refuses to resolve an incident twice', async () => {
    await resolveIncident(f.ctx, id, { reason: 'fixed' })
    await assert.rejects(resolveIncident(f.ctx, id, { reason: 'again' }), /was resolved/)
  })

  it('keeps configured secrets out of the postmortem draft', async () => {
    const secret = 'hunter2-very-secret'
    const ctx = { ...f.ctx, secrets: [secret] }
    const r = await resolveIncident(ctx, id, { reason: `leaked ${secret} in a log` })
    assert.doesNotMatch(readFileSync(r.postmortem, 'utf8'), /hunter2/)
  })
})
