/**
 * @module `rina status`: per environment the current and previous release, freeze, recent runs, last health. All
 * of it comes from one state read (two or three only when interrupted runs or expired freezes were settled).
 */
import { systemActor } from '../domain/actor.ts'
import type { LastHealth, RunState } from '../domain/state.ts'
import type { CommandContext } from './context.ts'
import { promotionOrder } from './environment.ts'
import type { FreezeStatus } from './freeze.ts'
import { freezeStatus, settleExpiredFreezes } from './freeze.ts'
import { recoverInterruptedRuns } from './lock.ts'

export interface EnvStatus {
  env: string
  current: string | null
  previous: string | null
  freeze: FreezeStatus
  lock: { holder: string; since: string } | null
  runs: Pick<RunState, 'id' | 'release' | 'kind' | 'status' | 'actor' | 'startedAt' | 'endedAt' | 'reason'>[]
  health: LastHealth | null
}

export async function status(ctx: CommandContext, opts: { runs?: number } = {}): Promise<EnvStatus[]> {
  const read = await ctx.journal.state()
  const settled = await recoverInterruptedRuns(ctx, undefined, { state: read })
  const state = await settleExpiredFreezes(ctx, systemActor(), settled.length > 0 ? undefined : read)
  const envs = promotionOrder(ctx.config)
  const freezes = await freezeStatus(ctx, envs, state)
  const now = ctx.clock.now().getTime()
  return Promise.all(
    envs.map(async (env, i): Promise<EnvStatus> => {
      const e = state.environments[env]
      const lock = await ctx.store.locks.inspect(env, now)
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
        health: state.health[env] ?? null,
      }
    }),
  )
}
