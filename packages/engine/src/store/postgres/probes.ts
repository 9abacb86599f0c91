/** @module PostgreSQL probe history: raw samples and 1-minute rollups in two tables (see open.ts). */
import type { Pool } from 'pg'
import type { ProbeHistoryQuery, ProbeHistoryStore, ProbeRollup } from '../types.ts'
import { guarded } from './errors.ts'
import type { Tables } from './open.ts'

interface SampleRow {
  env: string
  service: string
  probe: string
  at: number
  ok: boolean
  latency_ms: number
}

const where = (q: ProbeHistoryQuery, column: string): { sql: string; args: (string | number)[] } => {
  const parts = ['env = $1', `${column} >= $2`, `${column} < $3`]
  const args: (string | number)[] = [q.env, q.from, q.to]
  if (q.service !== undefined) {
    args.push(q.service)
    parts.push(`service = $${args.length}`)
  }
  if (q.probe !== undefined) {
    args.push(q.probe)
    parts.push(`probe = $${args.length}`)
  }
  return { sql: parts.join(' AND '), args }
}

/** `($1, $2, …), ($n, …)` for `rows` rows of `width` parameters. */
const placeholders = (rows: number, width: number): string =>
  Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`,
  ).join(', ')

const BATCH = 500

export function createPostgresProbes(pool: Pool, t: Tables, url: string): ProbeHistoryStore {
  return {
    async record(list) {
      for (let i = 0; i < list.length; i += BATCH) {
        const part = list.slice(i, i + BATCH)
        const args = part.flatMap((s) => [s.env, s.service, s.probe, s.at, s.ok, s.latencyMs])
        await guarded(url, () =>
          pool.query(
            `INSERT INTO ${t.probeSamples} (env, service, probe, at, ok, latency_ms) VALUES ${placeholders(part.length, 6)}`,
            args,
          ),
        )
      }
    },
    async samples(q) {
      const w = where(q, 'at')
      const res = await guarded(url, () =>
        pool.query<SampleRow>(
          `SELECT env, service, probe, at, ok, latency_ms FROM ${t.probeSamples} WHERE ${w.sql} ORDER BY at, id`,
          w.args,
        ),
      )
      return res.rows.map((r) => ({
        env: r.env,
        service: r.service,
        probe: r.probe,
        at: r.at,
        ok: r.ok,
        latencyMs: r.latency_ms,
      }))
    },
    async putRollups(list) {
      for (let i = 0; i < list.length; i += BATCH) {
        const part = list.slice(i, i + BATCH)
        const args = part.flatMap((r) => [
          r.env,
          r.service,
          r.probe,
          r.minute,
          r.count,
          r.failures,
          r.p50,
          r.p95,
          r.p99,
        ])
        await guarded(url, () =>
          pool.query(
            `INSERT INTO ${t.probeRollups} (env, service, probe, minute, count, failures, p50, p95, p99)
             VALUES ${placeholders(part.length, 9)}
             ON CONFLICT (env, service, probe, minute) DO UPDATE SET count = EXCLUDED.count,
               failures = EXCLUDED.failures, p50 = EXCLUDED.p50, p95 = EXCLUDED.p95, p99 = EXCLUDED.p99`,
            args,
          ),
        )
      }
    },
    async rollups(q) {
      const w = where(q, 'minute')
      const res = await guarded(url, () =>
        pool.query<ProbeRollup>(
          `SELECT env, service, probe, minute, count, failures, p50, p95, p99 FROM ${t.probeRollups}
           WHERE ${w.sql} ORDER BY minute, service, probe`,
          w.args,
        ),
      )
      return res.rows
    },
    async latestRollup() {
      const res = await guarded(url, () =>
        pool.query<{ m: number | null }>(`SELECT MAX(minute) AS m FROM ${t.probeRollups}`),
      )
      return res.rows[0]?.m ?? null
    },
    async prune({ samplesBefore, rollupsBefore }) {
      const s = await guarded(url, () =>
        pool.query(`DELETE FROM ${t.probeSamples} WHERE at < $1`, [samplesBefore]),
      )
      const r = await guarded(url, () =>
        pool.query(`DELETE FROM ${t.probeRollups} WHERE minute < $1`, [rollupsBefore]),
      )
      return { samples: s.rowCount ?? 0, rollups: r.rowCount ?? 0 }
    },
  }
}
