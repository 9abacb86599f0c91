import assert from 'node:assert/strict'
import { afterEach, beforeEach, describe, it } from 'node:test'
import { agentActor, humanActor } from '../domain/actor.ts'
import type { JournalEvent } from '../domain/events.ts'
import { signal, t } from '../testing/incident.ts'
import type { IncidentFixture } from './incident-testing.ts'
import { deployDrafts, incidentFixture } from './incident-testing.ts'
import { compactSignal, recordSignals } from './incident.ts'

describe('recordSignals', () => {
  let f: IncidentFixture
  beforeEach(() => {
    f = incidentFixture()
  })
  afterEach(() => f.dispose())

  it('opens one incident per cause with the acting agent when signals arrive', async () => {
    const ctx = f.as(agentActor('incident'))
    const r = await recordSignals(ctx, [
      signal({ service: 'api', probe: 'up' }),
      signal({ service: 'worker', probe: 'queue', time: t(0) }),
    ])
    assert.equal(r.opened.length, 2)
    assert.deepEqual(r.updated, [])
    const opened = (await ctx.journal.all()).filter((e) => e.type === 'incident.opened')
    assert.equal(opened.length, 2)
    assert.deepEqual(opened[0]!.actor, agentActor('incident'))
    const state = await ctx.journal.state()
    assert.deepEqual(
      r.opened.map((id) => [state.incidents[id]!.services, state.incidents[id]!.status]),
      [
        [['api'], 'open'],
        [['worker'], 'open'],
      ],
    )
  })

  it('journals severity factors, top hypotheses and a plan summary when it opens an incident', async () => {
    const [id] = (await recordSignals(f.ctx, [signal({ service: 'api', probe: 'up' })])).opened
    const e = (await f.ctx.journal.all()).at(-1) as JournalEvent<'incident.opened'>
    assert.equal(e.payload.incidentId, id)
    assert.equal(e.payload.type, 'outage')
    assert.ok(e.payload.factors.some((x) => x.name === 'environment' && x.weight === 30))
    assert.ok(e.payload.hypotheses.length <= 3)
    assert.equal(e.payload.plan.steps[0], 'acknowledge')
    assert.deepEqual(e.payload.plan.next, {
      stepId: 'acknowledge',
      command: `rina incident ack ${id}`,
      human: false,
    })
    assert.equal(e.payload.rollback.ready, false)
  })

  it('prepares the rollback to the release before when the incident follows a deploy', async () => {
    const human = humanActor('ana@example.com')
    await f.append(deployDrafts('1.0.0', null, human))
    f.ctx.clock.advance(10 * 60_000)
    await f.append(deployDrafts('1.1.0', '1.0.0', human))
    f.ctx.clock.advance(5 * 60_000)
    const [id] = (await recordSignals(f.ctx, [signal({ time: t(15), service: 'api', probe: 'up' })])).opened
    const e = (await f.ctx.journal.all()).at(-1) as JournalEvent<'incident.opened'>
    assert.equal(e.payload.release, '1.1.0')
    assert.equal(e.payload.rollback.ready, true)
    assert.equal(e.payload.rollback.to, '1.0.0')
    assert.match(e.payload.rollback.command!, /^rina rollback production --to 1\.0\.0 --reason "incident /)
    assert.equal(e.payload.hypotheses[0]!.kind, 'recent-deploy')
    assert.equal((await f.ctx.journal.state()).incidents[id!]!.release, '1.1.0')
  })

  it('updates the open incident and drops duplicates when more signals of the same cause arrive', async () => {
    const [id] = (await recordSignals(f.ctx, [signal({ service: 'api', probe: 'up' })])).opened
    f.ctx.clock.advance(60_000)
    const again = await recordSignals(f.ctx, [signal({ service: 'api', probe: 'up', time: t(1) })])
    assert.deepEqual(again, { opened: [], updated: [] })
    const grown = await recordSignals(f.ctx, [
      signal({ kind: 'error-rate', service: 'api', probe: null, time: t(1), counts: { after: 0.6 } }),
    ])
    assert.deepEqual(grown, { opened: [], updated: [id] })
    const state = await f.ctx.journal.state()
    const i = state.incidents[id!]!
    assert.equal(i.signals.length, 2)
    assert.equal(i.seqs.length, 2)
    const updated = (await f.ctx.journal.all()).at(-1) as JournalEvent<'incident.updated'>
    assert.equal(updated.payload.signals.length, 1)
    assert.ok(updated.payload.factors.some((x) => x.name === 'error-rate' && x.value === '60%'))
  })

  it('suggests a higher severity without changing the one set when an incident grows', async () => {
    const [id] = (
      await recordSignals(f.ctx, [
        signal({ kind: 'manual', service: null, probe: null, declared: { severity: 'SEV4' } }),
      ])
    ).opened
    const state0 = await f.ctx.journal.state()
    assert.equal(state0.incidents[id!]!.severity, 'SEV4')
    await recordSignals(f.ctx, [
      signal({
        kind: 'manual',
        service: null,
        probe: null,
        summary: 'ana escalates',
        declared: { severity: 'SEV1' },
      }),
    ])
    const i = (await f.ctx.journal.state()).incidents[id!]!
    assert.equal(i.severity, 'SEV4')
    assert.equal(i.assessed, 'SEV1')
  })

  it('cuts long evidence to a few short lines when it journals a signal', () => {
    const s = compactSignal(
      signal({ summary: 'x'.repeat(1000), evidence: ['a', 'b', 'c', 'd', 'y'.repeat(500)] }),
    )
    assert.equal(s.summary.length, 300)
    assert.deepEqual(s.evidence, ['a', 'b', 'c'])
  })

  it('redacts credentials in summaries, evidence and templates when it journals a signal', async () => {
    const leak = signal({
      kind: 'error-rate',
      summary: 'api: "login failed password=hunter2"',
      evidence: ['Authorization: Bearer abcdefghijklmnop'],
      template: { key: 'api|login failed password=hunter2', text: 'login failed password=hunter2' },
    })
    await recordSignals(f.ctx, [leak])
    assert.doesNotMatch(JSON.stringify(await f.ctx.journal.all()), /hunter2|abcdefghijklmnop/)
  })

  it('opens a single incident when two agents record the same cause at once', async () => {
    const a = f.as(agentActor('health'))
    const b = f.as(agentActor('logs'))
    const [x, y] = await Promise.all([
      recordSignals(a, [signal({ service: 'api', probe: 'up' })]),
      recordSignals(b, [signal({ kind: 'error-rate', service: 'api', probe: null, counts: { after: 0.3 } })]),
    ])
    assert.equal(x.opened.length + y.opened.length, 1)
    assert.equal(x.updated.length + y.updated.length, 1)
    assert.equal(Object.keys((await f.ctx.journal.state()).incidents).length, 1)
  })

  it('records nothing when there are no signals', async () => {
    assert.deepEqual(await recordSignals(f.ctx, []), { opened: [], updated: [] })
    assert.equal((await f.ctx.journal.all()).length, 0)
  })
})
