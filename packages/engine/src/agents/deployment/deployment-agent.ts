/**
 * @module The deployment agent: after each successful deploy it waits out a verification window, then compares
 * probes (from the probe history) and error templates (from the logs agent) with the same span before the
 * deploy started. A regression is journaled as `deploy.verification_failed` with its evidence (the incident agent
 * turns it into a signal); a clean window as `deploy.verification_passed`. It recommends; it never rolls back.
 */
import type { CommandContext } from '../../commands/context.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { agentSettings } from '../config.ts'
import { windowStats } from '../health/history.ts'
import type { WindowStats } from '../health/rollup.ts'
import type { ErrorCounts } from '../logs/error-counts.ts'
import type { Agent } from '../types.ts'
import { verifyWindows, type WindowFacts } from './verification.ts'

export interface DeploymentAgentOptions {
  /** Error lines per template (the logs agent's); without it only probes are compared. */
  errors?: ErrorCounts
}

interface Pending {
  runId: string
  env: string
  release: string
  /** When the deploy started: the window before ends here. */
  startedAt: number
  /** When it succeeded: the window after starts here. */
  succeededAt: number
}

export interface DeploymentAgent extends Agent {
  /** Deploys whose window is still open. */
  pending(): readonly Pending[]
}

const VERIFIED = ['deploy.verification_failed', 'deploy.verification_passed']

export function createDeploymentAgent(opts: DeploymentAgentOptions = {}): DeploymentAgent {
  const started = new Map<string, number>()
  let pending: Pending[] | null = null

  const track = (e: JournalEvent, list: Pending[]) => {
    if (e.type === 'deploy.started') {
      const p = (e as JournalEvent<'deploy.started'>).payload
      if (p.kind === 'deploy') started.set(p.runId, Date.parse(e.time))
    } else if (e.type === 'deploy.succeeded') {
      const p = (e as JournalEvent<'deploy.succeeded'>).payload
      if (p.kind !== 'deploy') return
      const succeededAt = Date.parse(e.time)
      const startedAt = started.get(p.runId) ?? succeededAt - p.durationMs
      started.delete(p.runId)
      // A newer deploy to the same environment ends the window of the one before.
      const rest = list.filter((x) => x.env !== p.env)
      list.splice(0, list.length, ...rest, {
        runId: p.runId,
        env: p.env,
        release: p.release,
        startedAt,
        succeededAt,
      })
    } else if (VERIFIED.includes(e.type)) {
      const runId = (e.payload as { runId: string }).runId
      const i = list.findIndex((x) => x.runId === runId)
      if (i >= 0) list.splice(i, 1)
    }
  }

  /** Deploys of the last window not yet verified, from the journal (a restart resumes them). */
  const recover = async (now: number, ctx: CommandContext): Promise<Pending[]> => {
    const { windowMs } = agentSettings(ctx.config).deployment
    const list: Pending[] = []
    const since = new Date(now - 2 * windowMs)
    for (const e of await ctx.journal.query({
      since,
      types: ['deploy.started', 'deploy.succeeded', ...VERIFIED],
    }))
      track(e, list)
    return list
  }

  const probeFacts = async (ctx: CommandContext, env: string, from: number, to: number) => {
    const { retention } = agentSettings(ctx.config).health
    const now = ctx.clock.now().getTime()
    const probes = new Map<string, WindowStats>()
    for (const [service, svc] of Object.entries(ctx.config.environments[env]?.services ?? {})) {
      for (const p of svc.probes) {
        const q = { env, service, probe: p.name, from, to }
        probes.set(`${service}/${p.name}`, await windowStats(ctx.store.probes, q, now, retention))
      }
    }
    return probes
  }

  const verify = async (d: Pending, ctx: CommandContext) => {
    const s = agentSettings(ctx.config).deployment
    const end = d.succeededAt + s.windowMs
    const before: WindowFacts = {
      probes: await probeFacts(ctx, d.env, d.startedAt - s.windowMs, d.startedAt),
      errors: opts.errors?.between(d.env, d.startedAt - s.windowMs, d.startedAt) ?? [],
    }
    const after: WindowFacts = {
      probes: await probeFacts(ctx, d.env, d.succeededAt, end),
      errors: opts.errors?.between(d.env, d.succeededAt, end) ?? [],
    }
    const evidence = verifyWindows(before, after, s)
    const base = { runId: d.runId, env: d.env, release: d.release, windowMs: s.windowMs }
    const checks = [...after.probes.values()].reduce((n, x) => n + x.checks, 0)
    await ctx.journal.append([
      evidence.length
        ? {
            type: 'deploy.verification_failed' as const,
            actor: ctx.actor,
            reason: evidence.map((x) => x.detail).join('; '),
            payload: { ...base, evidence },
          }
        : {
            type: 'deploy.verification_passed' as const,
            actor: ctx.actor,
            reason: null,
            payload: {
              ...base,
              summary: `no regression in ${after.probes.size} probes (${checks} checks) and logs`,
            },
          },
    ])
  }

  return {
    name: 'deployment',
    async onEvent(e) {
      if (pending) track(e, pending)
    },
    async onTick(date, ctx) {
      const now = date.getTime()
      pending ??= await recover(now, ctx)
      const { windowMs } = agentSettings(ctx.config).deployment
      for (const d of pending.filter((x) => now >= x.succeededAt + windowMs)) {
        pending.splice(pending.indexOf(d), 1)
        await verify(d, ctx)
      }
    },
    pending: () => [...(pending ?? [])],
  }
}
