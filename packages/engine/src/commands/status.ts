/** @module `rina status`: per environment the current and previous release, freeze, recent runs, last health. */
import type { ProbeSummary } from '../domain/events.ts'
import type { RunState } from '../domain/state.ts'
import type { CommandContext } from './context.ts'
import { promotionOrder } from './environment.ts'
import type { FreezeStatus } from './freeze.ts'
import { freezeStatus } from './freeze.ts'
import { recoverInterruptedRuns } from './lock.ts'

export interface EnvStatus {
  env: string
  current: string | null
  previous: string | null
  freeze: FreezeStatus
  lock: { holder: string; since: string } | null
  runs: Pick<RunState, 'id' | 'release' | 'kind' | 'status' | 'actor' | 'startedAt' | 'endedAt' | 'reason'>[]
  health: { at: string; healthy: boolean; probes: ProbeSummary[]; source: string } | null
}

export async function status(ctx: CommandContext, opts: { runs?: number } = {}): Promise<EnvStatus[]> {
  await recoverInterruptedRuns(ctx)
  const envs = promotionOrder(ctx.config)
  const freezes = await freezeStatus(ctx, envs)
  const state = await ctx.journal.state()
  const healthEvents = await ctx.journal.query({ types: ['health.checked', 'health.gate_completed'] })
  const now = ctx.clock.now().getTime()
  return Promise.all(
    envs.map(async (env, i): Promise<EnvStatus> => {
      const e = state.environments[env]
      const lock = await ctx.store.locks.inspect(env, now)
      const last = healthEvents.filter((h) => (h.payload as { env: string }).env === env).at(-1)
      const p = last?.payload as
        { healthy?: boolean; passed?: boolean; probes: ProbeSummary[]; phase?: string } | undefined
      return {
        env,
        current: e?.current ?? null,
        previous: e?.previous ?? null,
        freeze: freezes[i]!,
        lock: lock ? { holder: lock.holder, since: new Date(lock.acquiredAt).toISOString() } : null,
        runs: (e?.runs ?? [])
          .slice(-(opts.runs ?? 3))
          .reverse()
          .map((id) => {
            const r = state.runs[id]!
            return {
              id,
              release: r.release,
              kind: r.kind,
              status: r.status,
              actor: r.actor,
              startedAt: r.startedAt,
              endedAt: r.endedAt,
              reason: r.reason,
            }
          }),
        health: last
          ? {
              at: last.time,
              healthy: p!.healthy ?? p!.passed ?? false,
              probes: p!.probes,
              source: last.type === 'health.checked' ? 'health-check' : `deploy ${p!.phase}`,
            }
          : null,
      }
    }),
  )
}
