/**
 * @module Runs a plan step that carries a shell command (the command provider's deploy or rollback, release-dir's
 * start): the step's env over the base environment, its cwd and timeout, and an outcome with an actionable reason.
 */
import { commandOutcome } from './outcome.ts'
import { runCommand } from './spawn.ts'
import type { PlanStep, RunContext, StepOutcome } from './types.ts'

/** Default time between SIGTERM and SIGKILL when a command is stopped. */
export const DEFAULT_KILL_GRACE_MS = 5_000

export async function runCommandStep(
  step: PlanStep,
  ctx: RunContext,
  opts: { label: string; graceMs: number; cwd: string },
): Promise<StepOutcome> {
  if (step.command === undefined || step.command.trim() === '')
    return { ok: false, durationMs: 0, reason: `${opts.label} is missing from step ${step.id}` }
  const result = await runCommand({
    command: step.command,
    cwd: step.cwd ?? opts.cwd,
    env: { ...ctx.env, ...step.env },
    timeoutMs: step.timeoutMs,
    signal: ctx.signal,
    log: (line, stream) => {
      try {
        ctx.log(line, stream)
      } catch {
        // a failing log sink must not take the command down with it
      }
    },
    now: () => ctx.now(),
    graceMs: opts.graceMs,
    ...(ctx.commandStarted ? { started: (group) => ctx.commandStarted!(group) } : {}),
  })
  return commandOutcome(opts.label, result, step.timeoutMs)
}
