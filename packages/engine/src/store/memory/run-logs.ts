/** @module In-memory run logs: lines per run in arrival order of the runs, for tests and dry runs. */
import { DEFAULT_RUN_LOG_LIMITS, DEFAULT_RUN_LOG_PAGE, splitBatch } from '../run-log.ts'
import type { RunLogLine, RunLogStore } from '../types.ts'

export function createMemoryRunLogs(): RunLogStore {
  /** Runs in the order their first line arrived (Map keeps insertion order). */
  const runs = new Map<string, Map<number, RunLogLine>>()
  return {
    async append(runId, lines, limits = DEFAULT_RUN_LOG_LIMITS) {
      if (lines.length === 0) return
      let log = runs.get(runId)
      if (!log) {
        log = new Map()
        runs.set(runId, log)
        const extra = runs.size - Math.max(limits.keepRuns, 1)
        for (const old of [...runs.keys()].slice(0, Math.max(extra, 0))) runs.delete(old)
      }
      const { keep, marker } = splitBatch(lines, limits)
      for (const l of keep) if (!log.has(l.seq)) log.set(l.seq, { ...l })
      if (marker) log.set(marker.seq, marker)
    },
    async read(runId, q = {}) {
      const after = q.after ?? 0
      const limit = q.limit ?? DEFAULT_RUN_LOG_PAGE
      return [...(runs.get(runId)?.values() ?? [])]
        .filter((l) => l.seq > after)
        .sort((a, b) => a.seq - b.seq)
        .slice(0, limit)
        .map((l) => ({ ...l }))
    },
  }
}
