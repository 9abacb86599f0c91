/**
 * @module SQLite run logs: one `run_log` table (see open.ts) keyed by run and line number. Each run also has a
 * header row at seq 0, written with its first batch and never read back: the header rows' order is the order in
 * which runs began, which is what retention keeps the newest of.
 */
import {
  DEFAULT_RUN_LOG_LIMITS,
  DEFAULT_RUN_LOG_PAGE,
  RUN_LOG_COLUMNS,
  runLogFromRow,
  splitBatch,
  type RunLogRow,
} from '../run-log.ts'
import type { RunLogLimits, RunLogLine, RunLogStore } from '../types.ts'
import type { Db } from './open.ts'

export function createSqliteRunLogs(db: Db): RunLogStore {
  const header = db.prepare(
    `INSERT OR IGNORE INTO run_log (run_id, seq, time, stream, text) VALUES (?, 0, ?, 'stdout', '')`,
  )
  const prune = db.prepare(
    `DELETE FROM run_log WHERE run_id IN (
       SELECT run_id FROM run_log WHERE seq = 0 ORDER BY rowid DESC LIMIT -1 OFFSET ?)`,
  )
  const insert = db.prepare(
    `INSERT OR IGNORE INTO run_log (run_id, ${RUN_LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const upsert = db.prepare(
    `INSERT INTO run_log (run_id, ${RUN_LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, seq) DO UPDATE SET time = excluded.time, text = excluded.text`,
  )
  const select = db.prepare(
    `SELECT ${RUN_LOG_COLUMNS} FROM run_log WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
  )
  const row = (runId: string, l: RunLogLine) =>
    [runId, l.seq, l.time, l.stream, l.stepId, l.service, l.text] as const
  const appendAll = db.transaction((runId: string, lines: readonly RunLogLine[], limits: RunLogLimits) => {
    if (header.run(runId, lines[0]!.time).changes === 1) prune.run(Math.max(limits.keepRuns, 1))
    const { keep, marker } = splitBatch(lines, limits)
    for (const l of keep) insert.run(...row(runId, l))
    if (marker) upsert.run(...row(runId, marker))
  })
  return {
    async append(runId, lines, limits = DEFAULT_RUN_LOG_LIMITS) {
      if (lines.length > 0) appendAll(runId, lines, limits)
    },
    async read(runId, q = {}) {
      const rows = select.all(
        runId,
        Math.max(q.after ?? 0, 0),
        q.limit ?? DEFAULT_RUN_LOG_PAGE,
      ) as RunLogRow[]
      return rows.map(runLogFromRow)
    },
  }
}
