import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { EventBus } from '../bus/event-bus.ts'
import type { JournalEvent } from '../domain/events.ts'
import { testContext } from '../testing/context.ts'
import { waitFor } from '../testing/wait-for.ts'
import { createAgentRuntime } from './runtime.ts'
import type { Agent } from './types.ts'

function setup() {
  const ctx = testContext()
  const bus = new EventBus()
  ctx.journal.onAppended = (events) => void bus.publish(events)
  const subscribe = (h: (e: JournalEvent) => void) => bus.subscribe(null, h)
  return { ctx, subscribe }
}

const freeze = (env: string) => ({
  type: 'freeze.enabled' as const,
  actor: { kind: 'human' as const, id: 'ana' },
  reason: 'test',
  payload: { env, until: null },
})

describe('createAgentRuntime', () => {
  it('delivers events in order to each agent under its own actor when events arrive', async () => {
    const { ctx, subscribe } = setup()
    const seen: string[] = []
    const slow: Agent = {
      name: 'slow',
      async onEvent(e, c) {
        await new Promise((r) => setImmediate(r))
        seen.push(`${c.actor.kind}:${c.actor.id}:${e.seq}`)
      },
    }
    const rt = createAgentRuntime({ ctx, agents: [slow], subscribe, clock: ctx.clock, tickMs: 60_000 })
    rt.start()
    await ctx.journal.append([freeze('a'), freeze('b'), freeze('c')])
    await rt.stop()
    assert.deepEqual(seen, ['agent:slow:1', 'agent:slow:2', 'agent:slow:3'])
  })

  it('keeps the other agents running and journals the failure once a minute when an agent throws', async () => {
    const { ctx, subscribe } = setup()
    const lines: string[] = []
    let healthy = 0
    const broken: Agent = {
      name: 'broken',
      async onEvent(e) {
        if (e.type === 'freeze.enabled') throw new Error('boom')
      },
    }
    const fine: Agent = {
      name: 'fine',
      async onEvent(e) {
        if (e.type === 'freeze.enabled') healthy++
      },
    }
    const rt = createAgentRuntime({
      ctx,
      agents: [broken, fine],
      subscribe,
      clock: ctx.clock,
      tickMs: 60_000,
      log: (l) => lines.push(l),
    })
    rt.start()
    await ctx.journal.append([freeze('a'), freeze('b')])
    await waitFor(() => lines.length >= 2)
    ctx.clock.advance(61_000)
    await ctx.journal.append([freeze('c')])
    await waitFor(() => lines.length >= 3)
    await rt.stop()
    assert.equal(healthy, 3)
    assert.deepEqual(lines, [
      'agent broken: event failed: boom',
      'agent broken: event failed: boom',
      'agent broken: event failed: boom',
    ])
    const failures = await ctx.journal.query({ types: ['agent.failed'] })
    assert.deepEqual(
      failures.map((e) => [e.actor.id, e.payload]),
      [
        ['broken', { agent: 'broken', hook: 'event', message: 'boom', count: 1 }],
        ['broken', { agent: 'broken', hook: 'event', message: 'boom', count: 2 }],
      ],
    )
  })

  it('does not start a tick again while the previous one runs and calls onStop when stopped', async () => {
    const { ctx, subscribe } = setup()
    let ticks = 0
    let release = () => {}
    let stopped = false
    const agent: Agent = {
      name: 'ticker',
      async onTick() {
        ticks++
        await new Promise<void>((r) => (release = r))
      },
      async onStop() {
        stopped = true
      },
    }
    const rt = createAgentRuntime({ ctx, agents: [agent], subscribe, clock: ctx.clock, tickMs: 5 })
    rt.start()
    await new Promise((r) => setTimeout(r, 40))
    assert.equal(ticks, 1)
    release()
    await waitFor(() => ticks >= 2)
    release()
    const stopping = rt.stop()
    release()
    await stopping
    assert.equal(stopped, true)
  })
})
