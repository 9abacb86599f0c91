/** @module `rina health-check [ENV]`: every probe now, one table; journaled so history and status can show it. */
import type { ProbeResult } from '../probes/types.ts'
import { summarize } from '../gates/health.ts'
import { probeOnce, toSample } from '../runner/health.ts'
import type { CommandContext } from './context.ts'
import { environmentConfig } from './environment.ts'
import { probeContextOf } from './probe-context.ts'

export interface EnvHealth {
  env: string
  release: string | null
  healthy: boolean
  results: ProbeResult[]
}

export async function healthCheck(
  ctx: CommandContext,
  envs: string[],
  signal?: AbortSignal,
): Promise<EnvHealth[]> {
  const state = await ctx.journal.state()
  const out: EnvHealth[] = []
  for (const env of envs) {
    const cfg = environmentConfig(ctx.config, env)
    const release = state.environments[env]?.current ?? null
    const targets = Object.entries(cfg.services).flatMap(([service, s]) =>
      s.probes.map((config) => ({ service, config })),
    )
    const results = await probeOnce(targets, {
      signal: signal ?? new AbortController().signal,
      ctx: probeContextOf(ctx, release),
    })
    const healthy = results.every((r) => r.ok)
    await ctx.journal.append([
      {
        type: 'health.checked',
        actor: ctx.actor,
        reason: null,
        payload: { env, healthy, probes: summarize(results.map(toSample)) },
      },
    ])
    out.push({ env, release, healthy, results })
  }
  return out
}
