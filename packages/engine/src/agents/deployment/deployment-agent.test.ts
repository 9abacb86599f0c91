import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { agentActor, humanActor } from '../../domain/actor.ts'
import type { EventDraft, JournalEvent } from '../../domain/events.ts'
import { minimalConfig, testContext } from '../../testing/context.ts'
import { createErrorCounts } from '../logs/error-counts.ts'
import { createDeploymentAgent } from './deployment-agent.ts'

const svc = {
  deploy: { type: 'command', deploy: 'true' },
  probes: [{ name: 'health', type: 'tcp', host: '127.0.0.1', port: 1 }],
}
const config = minimalConfig({
  environments: { staging: { services: {} }, production: { services: { api: svc } } },
  agents: { deployment: { window: '5m' } },
})
const T0 = Date.parse('2026-01-05T10:00:00.000Z')
const human = humanActor('ana')

function setup() {
  const ctx = { ...testContext({ config }), actor: agentActor('deployment') }
  const errors = createErrorCounts()
  /** Probe checks every 10 s from `from` for `minutes`, failing when `fail(i)` says so. */
  const checks = (from: number, minutes: number, fail: (i: number) => boolean, latencyMs = 20) =>
    ctx.store.probes.record(
      Array.from({ length: minutes * 6 }, (_, i) => ({
        env: 'production',
        service: 'api',
        probe: 'health',
        at: from + i * 10_000,
        ok: !fail(i),
        latencyMs,
      })),
    )
  const deploy = async (agent: { onEvent?: (e: JournalEvent, c: typeof ctx) => Promise<void> }) => {
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
    ]
    for (const e of await ctx.journal.append(drafts)) await agent.onEvent?.(e, ctx)
    ctx.clock.advance(60_000)
    const done = await ctx.journal.appendOne({
      type: 'deploy.succeeded',
      actor: human,
      reason: null,
      payload: { runId: 'run_1', env: 'production', release: '1.4.2', kind: 'deploy', durationMs: 60_000 },
    })
    await agent.onEvent?.(done, ctx)
  }
  return { ctx, errors, checks, deploy }
}

describe('deployment agent', () => {
  it('journals verification_failed with evidence when probes and errors regress after a deploy', async () => {
    const { ctx, errors, checks, deploy } = setup()
    const agent = createDeploymentAgent({ errors })
    await agent.onTick!(ctx.clock.now(), ctx)
    await checks(T0 - 5 * 60_000, 5, () => false)
    await checks(T0 + 60_000, 5, (i) => i % 2 === 0)
    for (let i = 0; i < 8; i++)
      errors.add('production', T0 + 2 * 60_000 + i, 'k9', 'payment failed for order <*>')
    await deploy(agent)
    assert.equal(agent.pending().length, 1)
    ctx.clock.advance(4 * 60_000)
    await agent.onTick!(ctx.clock.now(), ctx)
    assert.equal(
      (await ctx.journal.query({ types: ['deploy.verification_*'] })).length,
      0,
      'window still open',
    )
    ctx.clock.advance(60_000)
    await agent.onTick!(ctx.clock.now(), ctx)
    const [e] = (await ctx.journal.query({
      types: ['deploy.verification_*'],
    })) as JournalEvent<'deploy.verification_failed'>[]
    assert.equal(e!.type, 'deploy.verification_failed')
    assert.equal(e!.actor.id, 'deployment')
    assert.deepEqual(e!.payload, {
      runId: 'run_1',
      env: 'production',
      release: '1.4.2',
      windowMs: 300_000,
      evidence: [
        {
          kind: 'probe-success',
          subject: 'api/health',
          service: 'api',
          before: 1,
          after: 0.5,
          detail: 'api/health passed 50% of 30 checks after, 100% before',
        },
        {
          kind: 'error-template',
          subject: 'payment failed for order <*>',
          service: null,
          before: 0,
          after: 8,
          detail: '"payment failed for order <*>" logged 8 times after, never before',
        },
      ],
    })
    assert.deepEqual(agent.pending(), [])
  })

  it('journals verification_passed when the window after looks like the one before', async () => {
    const { ctx, checks, deploy } = setup()
    const agent = createDeploymentAgent()
    await agent.onTick!(ctx.clock.now(), ctx)
    await checks(T0 - 5 * 60_000, 5, () => false)
    await checks(T0 + 60_000, 5, () => false)
    await deploy(agent)
    ctx.clock.advance(5 * 60_000)
    await agent.onTick!(ctx.clock.now(), ctx)
    const events = await ctx.journal.query({ types: ['deploy.verification_*'] })
    assert.deepEqual(
      events.map((e) => [e.type, (e.payload as { summary?: string }).summary]),
      [['deploy.verification_passed', 'no regression in 1 probes (30 checks) and logs']],
    )
  })

  it('resumes an open window from the journal when it starts after the deploy', async () => {
    const { ctx, checks, deploy } = setup()
    await checks(T0 + 60_000, 5, () => true)
    await deploy({})
    const agent = createDeploymentAgent()
    ctx.clock.advance(2 * 60_000)
    await agent.onTick!(ctx.clock.now(), ctx)
    assert.deepEqual(
      agent.pending().map((p) => [p.runId, p.startedAt, p.succeededAt]),
      [['run_1', T0, T0 + 60_000]],
    )
    ctx.clock.advance(3 * 60_000)
    await agent.onTick!(ctx.clock.now(), ctx)
    const events = await ctx.journal.query({ types: ['deploy.verification_*'] })
    assert.deepEqual(
      events.map((e) => e.type),
      ['deploy.verification_failed'],
    )
  })
})
