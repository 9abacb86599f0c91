/**
 * @module Executes one run (a deploy or a rollback) under a held lock: journal the start, run the provider steps,
 * the health gate and the soak, then journal success or failure. Every step is journaled as it completes, and
 * the process group of each command before the command runs (so a later start can stop it if this process dies).
 */
import type { Actor } from '../domain/actor.ts'
import type { ProbeSample } from '../gates/health.ts'
import { healthGateDecision, soakDecision, summarize } from '../gates/health.ts'
import type { RunPlan } from '../plans/deploy.ts'
import { allSteps } from '../plans/deploy.ts'
import type { DeployProvider, RunContext } from '../providers/types.ts'
import type { HealthRunOptions } from '../runner/health.ts'
import { runHealthGate, runSoak } from '../runner/health.ts'
import type { RunLogReport } from '../runner/run-log.ts'
import { cleanLogLine, recordRunLog } from '../runner/run-log.ts'
import { runSteps } from '../runner/steps.ts'
import type { CommandContext } from './context.ts'
import { probeContextOf } from './probe-context.ts'

export interface RunOptions {
  plan: RunPlan
  providers: Readonly<Record<string, DeployProvider>>
  actor: Actor
  reason: string | null
  holder: string
  confirmation: 'typed' | 'prior-approval' | 'not-required'
  signal: AbortSignal
  /** Output lines of provider commands. */
  onLog?(line: string, stream: 'stdout' | 'stderr'): void
}

export type RunResult =
  | { ok: true; runId: string; durationMs: number; gate: ProbeSample[]; soak: ProbeSample[] }
  | {
      ok: false
      runId: string
      durationMs: number
      reason: string
      failedStep: string | null
      touched: string[]
    }

export async function executeRun(ctx: CommandContext, o: RunOptions): Promise<RunResult> {
  const { plan } = o
  const t0 = ctx.clock.now().getTime()
  const elapsed = () => ctx.clock.now().getTime() - t0
  const base = { runId: plan.runId, env: plan.env }
  await ctx.journal.append([
    {
      type: 'deploy.started',
      actor: o.actor,
      reason: o.reason,
      payload: {
        ...base,
        release: plan.release,
        kind: plan.kind,
        services: plan.services.map((s) => ({ service: s.service, previous: s.previous })),
        steps: allSteps(plan).map((s) => ({
          id: s.id,
          service: s.service,
          action: s.action,
          description: s.description,
        })),
        confirmation: o.confirmation,
        holder: o.holder,
      },
    },
  ])
  let logDropped = 0
  /** Output lines the run log could not store, noted on the outcome event when there were any. */
  const lost = () => (logDropped > 0 ? { logDropped } : {})
  const fail = async (reason: string, failedStep: string | null, touched: string[]): Promise<RunResult> => {
    const durationMs = elapsed()
    await ctx.journal.append([
      {
        type: 'deploy.failed',
        actor: o.actor,
        reason,
        payload: {
          ...base,
          release: plan.release,
          kind: plan.kind,
          reason,
          failedStep,
          durationMs,
          ...lost(),
        },
      },
    ])
    return { ok: false, runId: plan.runId, durationMs, reason, failedStep, touched }
  }

  // The output of the steps is kept in the run log (redacted, batched) and streamed to the caller.
  const output = recordRunLog({
    store: ctx.store.runLogs,
    runId: plan.runId,
    secrets: ctx.secrets,
    now: () => ctx.clock.now(),
  })
  let current: { id: string; service: string } | null = null
  const runCtx: RunContext = {
    signal: o.signal,
    now: () => ctx.clock.now(),
    env: ctx.processEnv ?? process.env,
    log: (line, stream) => {
      output.line(line, stream, current)
      o.onLog?.(line, stream)
    },
  }
  const steps = await runSteps(plan, o.providers, runCtx, {
    started: (step) => {
      current = { id: step.id, service: step.service }
      ctx.progress?.(step.description)
    },
    commandStarted: async (step, group) => {
      await ctx.journal.append([
        {
          type: 'deploy.command_started',
          actor: o.actor,
          reason: null,
          payload: { ...base, stepId: step.id, service: step.service, group },
        },
      ])
    },
    completed: async (step, outcome) => {
      await ctx.journal.append([
        {
          type: 'deploy.step_completed',
          actor: o.actor,
          reason: null,
          payload: {
            ...base,
            stepId: step.id,
            service: step.service,
            action: step.action,
            ok: outcome.ok,
            durationMs: Math.round(outcome.durationMs),
            reason: outcome.ok ? null : outcome.reason,
          },
        },
      ])
    },
  }).finally(async () => {
    logDropped = reportLog(ctx, o, await output.close())
  })
  if (!steps.ok) return fail(`${steps.step.service}: ${steps.outcome.reason}`, steps.step.id, steps.touched)

  const health: HealthRunOptions = {
    signal: o.signal,
    ctx: probeContextOf(ctx, plan.release),
    onResult: (r) => ctx.progress?.(`${r.service}/${r.probe}: ${r.ok ? 'ok' : 'failing'} (${r.detail})`),
  }
  const touched = steps.touched
  const gateStart = elapsed()
  const gate = await runHealthGate(plan.health.probes, plan.health, health)
  const gateDecision = healthGateDecision(
    plan.health.probes.map((p) => ({ service: p.service, probe: p.config.name })),
    gate,
    plan.health.passes,
    plan.health.within,
  )
  await journalGate(ctx, o, 'gate', !o.signal.aborted && gateDecision.allowed, elapsed() - gateStart, gate)
  if (o.signal.aborted) return fail('cancelled during the health gate', null, touched)
  if (!gateDecision.allowed)
    return fail(`health gate failed: ${gateDecision.reasons.map((r) => r.message).join('; ')}`, null, touched)

  const soakStart = elapsed()
  const soak = await runSoak(plan.health.probes, plan.health.soakMs, health)
  const soakOk = soakDecision(soak)
  await journalGate(ctx, o, 'soak', !o.signal.aborted && soakOk.allowed, elapsed() - soakStart, soak)
  if (o.signal.aborted) return fail('cancelled during the soak', null, touched)
  if (!soakOk.allowed)
    return fail(`soak failed: ${soakOk.reasons.map((r) => r.message).join('; ')}`, null, touched)

  const durationMs = elapsed()
  await ctx.journal.append([
    {
      type: 'deploy.succeeded',
      actor: o.actor,
      reason: null,
      payload: { ...base, release: plan.release, kind: plan.kind, durationMs, ...lost() },
    },
  ])
  return { ok: true, runId: plan.runId, durationMs, gate, soak }
}

/** Says so when output lines could not be stored (the run goes on regardless); returns how many. */
function reportLog(ctx: CommandContext, o: RunOptions, r: RunLogReport): number {
  if (r.dropped === 0) return 0
  const message = cleanLogLine(
    `${r.dropped} of ${r.lines} output lines could not be stored in the run log: ${r.error ?? 'unknown error'}`,
    ctx.secrets,
  )
  o.onLog?.(message, 'stderr')
  ctx.progress?.(message)
  return r.dropped
}

async function journalGate(
  ctx: CommandContext,
  o: RunOptions,
  phase: 'gate' | 'soak',
  passed: boolean,
  durationMs: number,
  samples: ProbeSample[],
): Promise<void> {
  await ctx.journal.append([
    {
      type: 'health.gate_completed',
      actor: o.actor,
      reason: null,
      payload: {
        runId: o.plan.runId,
        env: o.plan.env,
        release: o.plan.release,
        phase,
        passed,
        durationMs: Math.round(durationMs),
        probes: summarize(samples),
      },
    },
  ])
}
