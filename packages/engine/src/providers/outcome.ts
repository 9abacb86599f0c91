/**
 * @module Turns how a command ended into a step outcome with a reason a person can act on, e.g.
 * "deploy command exited with 3 after 2.1s: migration 0042 failed".
 */
import { formatDuration } from '../domain/duration.ts'
import type { CommandResult } from './spawn.ts'
import type { StepOutcome } from './types.ts'

/** Output quoted in a reason is cut to this many characters. */
const MAX_QUOTE = 300

/** `label` names the command, e.g. "deploy command" or "start command". */
export function commandOutcome(label: string, r: CommandResult, timeoutMs?: number): StepOutcome {
  const durationMs = r.durationMs
  const after = `after ${seconds(durationMs)}`
  const quote = quoted(r.lastStderr ?? r.lastStdout)
  if (r.startError !== null)
    return { ok: false, durationMs, reason: `${label} could not start: ${r.startError}` }
  if (r.timedOut) {
    const limit = timeoutMs === undefined ? after : `after ${formatDuration(timeoutMs)}`
    return {
      ok: false,
      durationMs,
      exitCode: null,
      timedOut: true,
      reason: `${label} timed out ${limit} and was stopped${quote}`,
    }
  }
  if (r.aborted)
    return { ok: false, durationMs, exitCode: r.exitCode, reason: `${label} was cancelled ${after}${quote}` }
  if (r.exitCode === 0) return { ok: true, durationMs }
  if (r.exitCode === null)
    return {
      ok: false,
      durationMs,
      exitCode: null,
      reason: `${label} was killed by ${r.signal} ${after}${quote}`,
    }
  return {
    ok: false,
    durationMs,
    exitCode: r.exitCode,
    reason: `${label} exited with ${r.exitCode} ${after}${quote}`,
  }
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`

function quoted(line: string | null): string {
  if (line === null) return ''
  const t = line.trim()
  return `: ${t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE)}…` : t}`
}
