import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { agentActor, humanActor } from '../../domain/actor.ts'
import type { EventDraft, JournalEvent } from '../../domain/events.ts'
import { renderSlack } from '../../notifiers/slack/render.ts'
import { renderTeams } from '../../notifiers/teams/render.ts'
import type { Notification } from '../../notifiers/types.ts'
import { minimalConfig, testContext } from '../../testing/context.ts'
import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver.ts'
import { createCommunicationAgent } from './communication-agent.ts'

let receiver: HttpReceiver
before(async () => {
  receiver = await startHttpReceiver()
})
after(() => receiver.close())

const human = humanActor('ana@example.com')

describe('communication agent', () => {
  it('sends one grouped Block Kit and Adaptive Card message after groupWait when a deploy starts and succeeds', async () => {
    const config = minimalConfig({
      notifications: {
        channels: {
          slack: { type: 'slack', webhookUrl: `${receiver.url}/slack/T000/B000/XXXX` },
          teams: { type: 'teams', webhookUrl: `${receiver.url}/teams/workflow` },
        },
        routes: [{ events: ['deploy.*'], environments: ['production'], channels: ['slack', 'teams'] }],
      },
    })
    const ctx = { ...testContext({ config }), actor: agentActor('communication') }
    const agent = createCommunicationAgent({ random: () => 0.5 })
    const drafts: EventDraft[] = [
      {
        type: 'deploy.started',
        actor: human,
        reason: null,
        payload: {
          runId: 'run_1',
          env: 'production',
          release: '1.4.2',
          kind: 'deploy',
          services: [{ service: 'api', previous: '1.4.1' }],
          steps: [],
          confirmation: 'typed',
          holder: 'h',
        },
      },
      {
        type: 'deploy.started',
        actor: human,
        reason: null,
        payload: {
          runId: 'run_0',
          env: 'staging',
          release: '1.4.2',
          kind: 'deploy',
          services: [],
          steps: [],
          confirmation: 'not-required',
          holder: 'h',
        },
      },
    ]
    for (const e of await ctx.journal.append(drafts)) await agent.onEvent!(e, ctx)
    ctx.clock.advance(4_000)
    const done = await ctx.journal.appendOne({
      type: 'deploy.succeeded',
      actor: human,
      reason: null,
      payload: { runId: 'run_1', env: 'production', release: '1.4.2', kind: 'deploy', durationMs: 4_000 },
    })
    await agent.onEvent!(done as JournalEvent, ctx)
    ctx.clock.advance(5_000)
    await agent.onTick!(ctx.clock.now(), ctx)
    assert.equal(receiver.requests.length, 0, 'nothing before groupWait')

    ctx.clock.advance(1_000)
    await agent.onTick!(ctx.clock.now(), ctx)
    const got = await receiver.waitForRequests(2)
    const [requested] = (await ctx.journal.query({
      types: ['notification.requested'],
    })) as JournalEvent<'notification.requested'>[]
    const p = requested!.payload
    const notification: Notification = {
      id: p.notificationId,
      title: p.title,
      text: p.text,
      severity: p.severity,
      env: p.env,
      facts: p.facts ?? [],
      nextAction: p.nextAction ?? null,
      url: null,
      time: requested!.time,
      actor: 'agent:communication',
    }
    assert.deepEqual(
      { title: p.title, text: p.text, nextAction: p.nextAction, sourceSeq: p.sourceSeq, facts: p.facts },
      {
        title: '2 deploy updates in production: 1.4.2 is live in production',
        text: '• Deploying 1.4.2 to production\n• 1.4.2 is live in production',
        nextAction: 'rina status production',
        sourceSeq: done.seq,
        facts: [
          { label: 'env', value: 'production' },
          { label: 'release', value: '1.4.2' },
          { label: 'who', value: 'human:ana@example.com' },
        ],
      },
    )
    const byPath = Object.fromEntries(got.map((r) => [r.path.split('/')[1], JSON.parse(r.body) as unknown]))
    assert.deepEqual(byPath['slack'], renderSlack(notification).body)
    assert.deepEqual(byPath['teams'], renderTeams(notification).body)
    const delivered = await ctx.journal.query({ types: ['notification.delivered'] })
    assert.equal(delivered.length, 2)

    ctx.clock.advance(600_000)
    await agent.onTick!(ctx.clock.now(), ctx)
    assert.equal(receiver.requests.length, 2, 'the staging deploy matched no route and nothing repeats')
    assert.deepEqual(agent.groups(), [])
  })
})
