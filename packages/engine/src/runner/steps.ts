/**
 * @module Executes a run plan's provider steps in order, streaming output and reporting each step; stops at the
 * first failure and says which service and step failed and why.
 */
import type { RunPlan } from '../plans/deploy.ts'
import type { DeployProvider, PlanStep, RunContext, StepOutcome } from '../providers/types.ts'

export interface StepHooks {
  started?(step: PlanStep): void
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
        : await provider.runStep(step, ctx)
      await hooks.completed(step, outcome)
      if (!outcome.ok) return { ok: false, touched, step, outcome }
    }
  }
  return { ok: true, touched }
}
