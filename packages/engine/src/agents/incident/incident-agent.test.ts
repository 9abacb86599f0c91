import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Signal } from '../../analysis/incident/types.ts'
import { agentActor } from '../../domain/actor.ts'
import { testContext } from '../../testing/context.ts'
import type { RecordSignals } from '../record-signals.ts'
import { createIncidentAgent } from './incident-agent.ts'

describe('incident agent', () => {
  it('feeds redacted signals to recordSignals and reports what it opened when a probe turns unhealthy', async () => {
    const secret = 'Bearer-abc123xyz'
    const ctx = { ...testContext({ secrets: [secret] }), actor: agentActor('incident') }
    const progress: string[] = []
    ctx.progress = (m) => progress.push(m)
    const calls: Signal[][] = []
    const recordSignals: RecordSignals = async (c, signals) => {
      assert.equal(c.actor.id, 'incident')
      calls.push(signals)
      return { opened: ['inc_1'], updated: [] }
    }
    const agent = createIncidentAgent({ recordSignals })
    const e = await ctx.journal.appendOne({
      type: 'health.changed',
      actor: agentActor('health'),
      reason: null,
      payload: {
        env: 'production',
        service: 'api',
        probe: 'health',
        healthy: false,
        after: 3,
        detail: `401 for ${secret}`,
      },
    })
    const before = await ctx.journal.all()
    await agent.onEvent!(e, ctx)
    assert.equal(calls.length, 1)
    assert.equal(calls[0]![0]!.kind, 'probe-failing')
    assert.equal(JSON.stringify(calls).includes(secret), false)
    assert.deepEqual(progress, ['opened incident inc_1 from health.changed'])
    assert.deepEqual(await ctx.journal.all(), before, 'the agent itself changes nothing')
  })

  it('does not call recordSignals when an event is no signal', async () => {
    const ctx = testContext()
    let called = false
    const agent = createIncidentAgent({
      recordSignals: async () => {
        called = true
        return { opened: [], updated: [] }
      },
    })
    const e = await ctx.journal.appendOne({
      type: 'freeze.enabled',
      actor: agentActor('x'),
      reason: 'r',
      payload: { env: 'production', until: null },
    })
    await agent.onEvent!(e, ctx)
    assert.equal(called, false)
  })
})
