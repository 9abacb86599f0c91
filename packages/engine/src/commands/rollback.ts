/**
 * @module `rina rollback ENV [--to RELEASE] --reason`: switch back to the previous (or a named) release, journaled,
 * health verified after. A rollback is allowed during a freeze (it is how incidents end); in a protected
 * environment only a human takes it.
 */
import { RinaError } from '../errors.ts'
import { allow, combine } from '../gates/decision.ts'
import { humanGate } from '../gates/human.ts'
import { reasonGate } from '../gates/reason.ts'
import { buildRunPlan } from '../plans/deploy.ts'
import type { CommandContext } from './context.ts'
import { environmentConfig, isProtected, providersFor } from './environment.ts'
import { enforce } from './gate.ts'
import { acquireEnvLock, recoverInterruptedRuns } from './lock.ts'
import { executeRun } from './run.ts'

export interface RollbackRequest {
  env: string
  to?: string | undefined
  reason: string | undefined
  signal?: AbortSignal | undefined
  onLog?(line: string, stream: 'stdout' | 'stderr'): void
}

export interface RollbackOutcome {
  ok: boolean
  runId: string
  env: string
  from: string | null
  to: string
  durationMs: number
  reason: string | null
}

export async function rollback(ctx: CommandContext, req: RollbackRequest): Promise<RollbackOutcome> {
  environmentConfig(ctx.config, req.env)
  enforce(
    combine(
      reasonGate(req.reason, 'Rollback'),
      isProtected(ctx.config, req.env) ? humanGate(ctx.actor, `Rolling ${req.env} back`) : allow,
    ),
    'Rollback',
  )
  await recoverInterruptedRuns(ctx, req.env)
  const state = await ctx.journal.state()
  const env = state.environments[req.env]
  const to = req.to ?? env?.previous ?? null
  if (!to) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `${req.env} has no earlier release to roll back to`,
      hint: 'name one with --to RELEASE (see rina status)',
    })
  }
  const ranHere = Object.values(state.runs).some(
    (r) => r.env === req.env && r.release === to && r.status === 'succeeded',
  )
  if (!ranHere) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `release ${to} never ran successfully in ${req.env}`,
      hint: `releases that did: ${
        [
          ...new Set(
            Object.values(state.runs)
              .filter((r) => r.env === req.env && r.status === 'succeeded')
              .map((r) => r.release),
          ),
        ].join(', ') || 'none'
      }`,
    })
  }
  const runId = ctx.ids.next('run')
  const lock = await acquireEnvLock(ctx, req.env, runId)
  try {
    return await rollbackUnderLock(ctx, {
      env: req.env,
      to,
      from: env?.current ?? null,
      reason: req.reason!.trim(),
      holder: lock.holder,
      runId,
      signal: req.signal ?? new AbortController().signal,
      ...(req.onLog ? { onLog: req.onLog } : {}),
    })
  } finally {
    await lock.release()
  }
}

/** The rollback run itself, for a caller that already holds the environment lock. */
export async function rollbackUnderLock(
  ctx: CommandContext,
  o: {
    env: string
    to: string
    from: string | null
    reason: string
    holder: string
    runId?: string
    signal: AbortSignal
    onLog?(line: string, stream: 'stdout' | 'stderr'): void
  },
): Promise<RollbackOutcome> {
  const envConfig = environmentConfig(ctx.config, o.env)
  const providers = providersFor(envConfig, ctx.configDir)
  const plan = buildRunPlan({
    runId: o.runId ?? ctx.ids.next('run'),
    env: o.env,
    envConfig,
    kind: 'rollback',
    release: o.to,
    current: o.from,
    planService: (service, r) => providers[service]!.plan(r),
  })
  const run = await executeRun(ctx, {
    plan,
    providers,
    actor: ctx.actor,
    reason: o.reason,
    holder: o.holder,
    confirmation: 'not-required',
    signal: o.signal,
    ...(o.onLog ? { onLog: o.onLog } : {}),
  })
  return {
    ok: run.ok,
    runId: run.runId,
    env: o.env,
    from: o.from,
    to: o.to,
    durationMs: run.durationMs,
    reason: run.ok ? null : run.reason,
  }
}
