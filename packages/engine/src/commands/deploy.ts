/**
 * @module `rina deploy ENV`: reads like the runbook — gates (freeze; for a protected environment: passed the one
 * before, approvals, healthy now, then a person's confirmation), register the release, preflight, take the lock,
 * run (steps, health gate, soak), and on failure roll back (staging) or prepare the rollback for a human.
 */
import type { JournalEvent } from '../domain/events.ts'
import { RinaError } from '../errors.ts'
import { approvalsGate, countingApprovers } from '../gates/approval.ts'
import type { Confirmation } from '../gates/confirm.ts'
import { confirmationGate } from '../gates/confirm.ts'
import { combine } from '../gates/decision.ts'
import { freezeGate } from '../gates/freeze.ts'
import { currentlyHealthy } from '../gates/health.ts'
import { requiredPredecessor, validatedGate } from '../gates/validated.ts'
import type { RunPlan } from '../plans/deploy.ts'
import { buildRunPlan, describePlan } from '../plans/deploy.ts'
import { probeOnce, toSample } from '../runner/health.ts'
import { headInfo } from '../vcs/release.ts'
import type { CommandContext } from './context.ts'
import {
  approvalPolicy,
  autoRollback,
  environmentConfig,
  isProtected,
  promotionOrder,
  providersFor,
} from './environment.ts'
import { settleExpiredFreezes } from './freeze.ts'
import { enforce } from './gate.ts'
import { acquireEnvLock, recoverInterruptedRuns } from './lock.ts'
import { runPreflightStep } from './preflight-step.ts'
import { probeContextOf } from './probe-context.ts'
import type { RollbackOutcome } from './rollback.ts'
import { rollbackUnderLock } from './rollback.ts'
import { executeRun } from './run.ts'

export type ConfirmIo =
  { interactive: true; ask(question: string): Promise<string | null> } | { interactive: false; ci: boolean }

export interface DeployRequest {
  env: string
  release?: string | undefined
  dryRun?: boolean | undefined
  acceptRisk?: string | undefined
  confirm: ConfirmIo
  signal?: AbortSignal | undefined
  onLog?(line: string, stream: 'stdout' | 'stderr'): void
}

export type DeployOutcome =
  | { status: 'planned'; plan: RunPlan; lines: string[] }
  | {
      status: 'succeeded'
      runId: string
      env: string
      release: string
      previous: string | null
      durationMs: number
    }
  | {
      status: 'failed'
      runId: string
      env: string
      release: string
      reason: string
      failedStep: string | null
      rollback: RollbackOutcome | null
      prepared: JournalEvent<'rollback.prepared'>['payload'] | null
    }

export async function deploy(ctx: CommandContext, req: DeployRequest): Promise<DeployOutcome> {
  const { env } = req
  const envConfig = environmentConfig(ctx.config, env)
  await recoverInterruptedRuns(ctx, env)
  const state = await settleExpiredFreezes(ctx)
  const head = await releaseFromHead(ctx, req.release === undefined)
  const release = req.release ?? head!.id
  const current = state.environments[env]?.current ?? null
  const providers = providersFor(envConfig, ctx.configDir)
  const plan = buildRunPlan({
    runId: ctx.ids.next('run'),
    env,
    envConfig,
    kind: 'deploy',
    release,
    current,
    planService: (service, r) => providers[service]!.plan(r),
  })
  if (req.dryRun) return { status: 'planned', plan, lines: describePlan(plan) }

  // Gates. A frozen environment accepts no deploy.
  enforce(freezeGate(state, { env, now: ctx.clock.now() }, ctx.config.freeze.windows), `Deploy to ${env}`)
  const protectedEnv = isProtected(ctx.config, env)
  let confirmation: 'typed' | 'prior-approval' | 'not-required' = 'not-required'
  if (protectedEnv) {
    const policy = approvalPolicy(ctx.config, env)
    const mustPass = requiredPredecessor(promotionOrder(ctx.config), env, policy.requirePassed)
    enforce(
      combine(
        validatedGate(state, { release, env, mustPass }),
        approvalsGate(state, { release, env }, policy),
      ),
      `Deploy of ${release} to ${env}`,
    )
    if (current) {
      ctx.progress?.(`checking that ${env} is healthy now`)
      const now = await probeOnce(plan.health.probes, {
        signal: req.signal ?? new AbortController().signal,
        ctx: probeContextOf(ctx, current),
      })
      enforce(currentlyHealthy(env, now.map(toSample)), `Deploy of ${release} to ${env}`)
    }
    const c: Confirmation = req.confirm.interactive
      ? { kind: 'typed', answer: await req.confirm.ask(`Type "${env}" to deploy ${release} to ${env}: `) }
      : { kind: 'non-interactive', ci: req.confirm.ci }
    enforce(
      confirmationGate(env, ctx.actor, c, countingApprovers(state, release, env, policy)),
      `Deploy of ${release} to ${env}`,
    )
    confirmation = c.kind === 'typed' ? 'typed' : 'prior-approval'
  }

  if (!state.releases[release]) {
    await ctx.journal.append([
      {
        type: 'release.registered',
        actor: ctx.actor,
        reason: null,
        payload: {
          release,
          commit: head?.commit ?? null,
          branch: head?.branch ?? null,
          subject: head?.subject ?? null,
        },
      },
    ])
  }
  if (promotionOrder(ctx.config)[0] === env)
    await runPreflightStep(ctx, { release, env, acceptRisk: req.acceptRisk })

  const signal = req.signal ?? new AbortController().signal
  const lock = await acquireEnvLock(ctx, env, plan.runId)
  try {
    const run = await executeRun(ctx, {
      plan,
      providers,
      actor: ctx.actor,
      reason: null,
      holder: lock.holder,
      confirmation,
      signal,
      ...(req.onLog ? { onLog: req.onLog } : {}),
    })
    if (run.ok)
      return {
        status: 'succeeded',
        runId: run.runId,
        env,
        release,
        previous: current,
        durationMs: run.durationMs,
      }
    const failed = {
      status: 'failed' as const,
      runId: run.runId,
      env,
      release,
      reason: run.reason,
      failedStep: run.failedStep,
    }
    if (current && autoRollback(ctx.config, env) && !signal.aborted) {
      const rollback = await rollbackUnderLock(ctx, {
        env,
        to: current,
        from: release,
        reason: `automatic rollback after run ${run.runId} failed: ${run.reason}`,
        holder: lock.holder,
        signal,
        ...(req.onLog ? { onLog: req.onLog } : {}),
      })
      return { ...failed, rollback, prepared: null }
    }
    const prepared = protectedEnv ? await prepareRollback(ctx, env, release, current, run.runId) : null
    return { ...failed, rollback: null, prepared }
  } finally {
    await lock.release()
  }
}

/** After a failed protected deploy: the previous release is the way back; a human runs the one command. */
async function prepareRollback(
  ctx: CommandContext,
  env: string,
  from: string,
  to: string | null,
  runId: string,
) {
  const payload: JournalEvent<'rollback.prepared'>['payload'] = {
    runId,
    env,
    from,
    to,
    ready: to !== null,
    detail: to
      ? `${to} was running before and is kept in place to switch back to`
      : 'there is no earlier release to go back to',
    command: to ? `rina rollback ${env} --to ${to} --reason "…"` : null,
  }
  await ctx.journal.append([{ type: 'rollback.prepared', actor: ctx.actor, reason: null, payload }])
  return payload
}

/** The commit a release is built from; required (for the id) when no --release was given. */
async function releaseFromHead(
  ctx: CommandContext,
  required: boolean,
): Promise<{ id: string; commit: string; branch: string | null; subject: string } | null> {
  const h = await headInfo(ctx.configDir)
  if (!h.ok) {
    if (!required) return null
    throw new RinaError({
      code: 'USAGE',
      message: `no --release given and the release id cannot be taken from git: ${h.error.message}`,
      hint: 'pass --release ID (e.g. a version or build number)',
    })
  }
  return {
    id: h.value.dirty ? `${h.value.shortId}-dirty` : h.value.shortId,
    commit: h.value.commit,
    branch: h.value.branch,
    subject: h.value.subject,
  }
}
