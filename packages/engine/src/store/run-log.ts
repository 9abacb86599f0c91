/**
 * @module What every run log store shares: the default limits, how a batch splits into lines kept and the one
 * marker line that counts the lines past the cap, and the default read page.
 */
import type { RunLogLimits, RunLogLine } from './types.ts'

export const DEFAULT_RUN_LOG_LIMITS: RunLogLimits = { keepRuns: 200, maxLines: 10_000 }

/** Lines a read returns when it names no limit. */
export const DEFAULT_RUN_LOG_PAGE = 1000

/** The line standing for `dropped` lines not kept, after the first `maxLines`. */
export function runLogMarker(maxLines: number, dropped: number, time: string): RunLogLine {
  return {
    seq: maxLines + 1,
    time,
    stream: 'stderr',
    stepId: null,
    service: null,
    text: `… ${dropped} more line${dropped === 1 ? '' : 's'} not kept: a run's log keeps its first ${maxLines} lines`,
  }
}

/** The lines of a batch to store, and the marker to put (or replace) when the batch goes past the cap. */
export function splitBatch(
  lines: readonly RunLogLine[],
  limits: RunLogLimits,
): { keep: RunLogLine[]; marker: RunLogLine | null } {
  const keep = lines.filter((l) => l.seq >= 1 && l.seq <= limits.maxLines)
  let last: RunLogLine | null = null
  for (const l of lines) if (l.seq > limits.maxLines && (last === null || l.seq > last.seq)) last = l
  return {
    keep,
    marker: last === null ? null : runLogMarker(limits.maxLines, last.seq - limits.maxLines, last.time),
  }
}

/** A run_log row as SQLite and PostgreSQL return it. */
export interface RunLogRow {
  seq: number
  time: string
  stream: string
  step_id: string | null
  service: string | null
  text: string
}

export const RUN_LOG_COLUMNS = 'seq, time, stream, step_id, service, text'

export const runLogFromRow = (r: RunLogRow): RunLogLine => ({
  seq: r.seq,
  time: r.time,
  stream: r.stream === 'stderr' ? 'stderr' : 'stdout',
  stepId: r.step_id,
  service: r.service,
  text: r.text,
})
