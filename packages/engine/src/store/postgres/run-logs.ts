/**
 * @module PostgreSQL run logs: one `run_log` table (see open.ts) keyed by run and line number. Each run also has a
 * header row at seq 0, written with its first batch and never read back: the header rows' order (their `id`) is
 * the order in which runs began, which is what retention keeps the newest of.
 */
import type { Pool } from 'pg'
import {
  DEFAULT_RUN_LOG_LIMITS,
  DEFAULT_RUN_LOG_PAGE,
  RUN_LOG_COLUMNS,
  runLogFromRow,
  splitBatch,
  type RunLogRow,
} from '../run-log.ts'
import type { RunLogLine, RunLogStore } from '../types.ts'
import { guarded } from './errors.ts'
import type { Tables } from './open.ts'

/** PostgreSQL text cannot hold NUL; it becomes the replacement character. */
const pgText = (s: string) => (s.includes('\u0000') ? s.replaceAll('\u0000', '\uFFFD') : s)

export function createPostgresRunLogs(pool: Pool, t: Tables, url: string): RunLogStore {
  const query = <R extends object = object>(text: string, values: unknown[]) =>
    guarded(url, () => pool.query<R>(text, values))
  const columns = (list: readonly RunLogLine[]) => [
    list.map((l) => l.seq),
    list.map((l) => l.time),
    list.map((l) => l.stream),
    list.map((l) => l.stepId),
    list.map((l) => l.service),
    list.map((l) => pgText(l.text)),
  ]
  return {
    async append(runId, lines, limits = DEFAULT_RUN_LOG_LIMITS) {
      if (lines.length === 0) return
      const header = await query(
        `INSERT INTO ${t.runLog} (run_id, seq, time, stream, text) VALUES ($1, 0, $2, 'stdout', '')
         ON CONFLICT (run_id, seq) DO NOTHING RETURNING id`,
        [runId, lines[0]!.time],
      )
      if (header.rows.length === 1) {
        await query(
          `DELETE FROM ${t.runLog} WHERE run_id IN (
             SELECT run_id FROM ${t.runLog} WHERE seq = 0 ORDER BY id DESC OFFSET $1)`,
          [Math.max(limits.keepRuns, 1)],
        )
      }
      const { keep, marker } = splitBatch(lines, limits)
      if (keep.length > 0) {
        await query(
          `INSERT INTO ${t.runLog} (run_id, ${RUN_LOG_COLUMNS})
           SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           ON CONFLICT (run_id, seq) DO NOTHING`,
          [runId, ...columns(keep)],
        )
      }
      if (marker) {
        await query(
          `INSERT INTO ${t.runLog} (run_id, ${RUN_LOG_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (run_id, seq) DO UPDATE SET time = EXCLUDED.time, text = EXCLUDED.text`,
          [runId, ...columns([marker]).map((c) => c[0])],
        )
      }
    },
    async read(runId, q = {}) {
      const res = await query<RunLogRow>(
        `SELECT ${RUN_LOG_COLUMNS} FROM ${t.runLog} WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [runId, Math.max(q.after ?? 0, 0), q.limit ?? DEFAULT_RUN_LOG_PAGE],
      )
      return res.rows.map(runLogFromRow)
    },
  }
}
