import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { describe, it } from 'node:test'
import { EventBus } from '../bus/event-bus.ts'
import { systemClock } from '../clock.ts'
import { deliverNotifications } from '../commands/notify.ts'
import type { JournalEvent } from '../domain/events.ts'
import { minimalConfig, testContext } from '../testing/context.ts'
import { startHttpReceiver } from '../testing/http-receiver.ts'
import { startSwitchableServer } from '../testing/switchable-server.ts'
import { waitFor } from '../testing/wait-for.ts'
import { standardAgents } from './agents.ts'
import { createAgentRuntime } from './runtime.ts'

describe('standard agents in a runtime', () => {
  it('opens an incident and tells the channel with its next command when a real service goes down', async () => {
    const receiver = await startHttpReceiver()
    const target = await startSwitchableServer(createServer((_q, r) => r.writeHead(200).end('ok')))
    await target.set('down')
    const probe = {
      name: 'health',
      type: 'http',
      url: `http://127.0.0.1:${target.port}/health`,
      interval: '1s',
    }
    const svc = { kind: 'api', deploy: { type: 'command', deploy: 'true' }, probes: [probe] }
    const config = minimalConfig({
      environments: { staging: { services: {} }, production: { services: { api: svc } } },
      notifications: {
        channels: {
          hook: { type: 'webhook', url: `${receiver.url}/hook`, secret: 'whsec_0123456789abcdef' },
        },
        routes: [{ events: ['incident.opened'], channels: ['hook'] }],
      },
      agents: { health: { failAfter: 1 }, communication: { groupWait: '0s' } },
    })
    const ctx = { ...testContext({ config }), clock: systemClock }
    const bus = new EventBus()
    ctx.journal = Object.assign(ctx.journal, {
      onAppended: (events: readonly JournalEvent[]) => bus.publish(events),
    })
    const agents = standardAgents({ health: { random: () => 0 } })
    const runtime = createAgentRuntime({
      ctx,
      agents: agents.all,
      subscribe: (h) => bus.subscribe(null, h),
      clock: systemClock,
      tickMs: 50,
    })
    // As in rina serve, a drain loop retries a send that failed (a busy machine can time the first one out).
    const drain = setInterval(() => void deliverNotifications(ctx, { waitMs: 0 }).catch(() => {}), 2_000)
    try {
      runtime.start()
      const [request] = await receiver.waitForRequests(1, 120_000).catch(async (e: Error) => {
        const seen = (await ctx.journal.all()).map((x) => x.type).join(', ')
        throw new Error(`${e.message}; journal: ${seen}`)
      })
      const body = JSON.parse(request!.body) as { title: string; nextAction: string | null; facts: unknown }
      assert.match(body.title, /^SEV\d incident opened in production: /)
      assert.equal(typeof body.nextAction, 'string')
      const types = (await ctx.journal.all()).map((e) => `${e.type}:${e.actor.kind}:${e.actor.id}`)
      assert.deepEqual(types.slice(0, 3), [
        'health.changed:agent:health',
        'incident.opened:agent:incident',
        'notification.requested:agent:communication',
      ])
      assert.equal(
        types.some((t) => /^(freeze|deploy|approval)\./.test(t)),
        false,
        'agents never freeze, deploy or approve',
      )
      await waitFor(async () => (await ctx.journal.query({ types: ['notification.delivered'] })).length === 1)
    } finally {
      clearInterval(drain)
      await runtime.stop()
      await target.close()
      await receiver.close()
    }
  })
})
