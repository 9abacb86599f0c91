/**
 * @module Executes a run plan's provider steps in order, streaming output and reporting each step (and the process
 * group of each command a step starts); stops at the first failure and says which service and step failed and why.
 */
import type { ProcessGroupRef } from '../domain/events.ts'
import type { RunPlan } from '../plans/deploy.ts'
import type { DeployProvider, PlanStep, RunContext, StepOutcome } from '../providers/types.ts'

export interface StepHooks {
  started?(step: PlanStep): void
  /** A command of the step is in its own process group and waits for this to settle before it runs. */
  commandStarted?(step: PlanStep, group: ProcessGroupRef): Promise<void>
  completed(step: PlanStep, outcome: StepOutcome): Promise<void>
}

export type StepsResult =
  | { ok: true; touched: string[] }
  | { ok: false; touched: string[]; step: PlanStep; outcome: Extract<StepOutcome, { ok: false }> }

export async function runSteps(
  plan: RunPlan,
  providers: Readonly<Record<string, DeployProvider>>,
  ctx: RunContext,
  hooks: StepHooks,
): Promise<StepsResult> {
  const touched: string[] = []
  for (const s of plan.services) {
    const provider = providers[s.service]!
    for (const step of s.steps) {
      if (!touched.includes(s.service)) touched.push(s.service)
      hooks.started?.(step)
      const outcome = ctx.signal.aborted
        ? ({ ok: false, durationMs: 0, reason: 'cancelled before it started' } as const)
        : await provider.runStep(step, stepContext(ctx, step, hooks))
      await hooks.completed(step, outcome)
      if (!outcome.ok) return { ok: false, touched, step, outcome }
    }
  }
  return { ok: true, touched }
}

function stepContext(ctx: RunContext, step: PlanStep, hooks: StepHooks): RunContext {
  const record = hooks.commandStarted
  return record ? { ...ctx, commandStarted: (group) => record(step, group) } : ctx
}
