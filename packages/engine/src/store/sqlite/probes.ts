/** @module SQLite probe history: raw samples and 1-minute rollups in two tables (see open.ts). */
import type { ProbeHistoryQuery, ProbeHistoryStore, ProbeRollup, ProbeSampleRecord } from '../types.ts'
import type { Db } from './open.ts'

interface SampleRow {
  env: string
  service: string
  probe: string
  at: number
  ok: number
  latency_ms: number
}

const where = (q: ProbeHistoryQuery, column: string): { sql: string; args: (string | number)[] } => {
  const parts = ['env = ?', `${column} >= ?`, `${column} < ?`]
  const args: (string | number)[] = [q.env, q.from, q.to]
  if (q.service !== undefined) {
    parts.push('service = ?')
    args.push(q.service)
  }
  if (q.probe !== undefined) {
    parts.push('probe = ?')
    args.push(q.probe)
  }
  return { sql: parts.join(' AND '), args }
}

export function createSqliteProbes(db: Db): ProbeHistoryStore {
  const insert = db.prepare(
    'INSERT INTO probe_samples (env, service, probe, at, ok, latency_ms) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const upsert = db.prepare(
    `INSERT INTO probe_rollups (env, service, probe, minute, count, failures, p50, p95, p99)
     VALUES (@env, @service, @probe, @minute, @count, @failures, @p50, @p95, @p99)
     ON CONFLICT (env, service, probe, minute) DO UPDATE SET count = excluded.count,
       failures = excluded.failures, p50 = excluded.p50, p95 = excluded.p95, p99 = excluded.p99`,
  )
  const recordAll = db.transaction((list: readonly ProbeSampleRecord[]) => {
    for (const s of list) insert.run(s.env, s.service, s.probe, s.at, s.ok ? 1 : 0, s.latencyMs)
  })
  const putAll = db.transaction((list: readonly ProbeRollup[]) => {
    for (const r of list) upsert.run(r)
  })
  const latest = db.prepare('SELECT MAX(minute) AS m FROM probe_rollups')
  const pruneSamples = db.prepare('DELETE FROM probe_samples WHERE at < ?')
  const pruneRollups = db.prepare('DELETE FROM probe_rollups WHERE minute < ?')
  return {
    async record(list) {
      recordAll(list)
    },
    async samples(q) {
      const w = where(q, 'at')
      const rows = db
        .prepare(
          `SELECT env, service, probe, at, ok, latency_ms FROM probe_samples WHERE ${w.sql} ORDER BY at, rowid`,
        )
        .all(...w.args) as SampleRow[]
      return rows.map((r) => ({
        env: r.env,
        service: r.service,
        probe: r.probe,
        at: r.at,
        ok: r.ok === 1,
        latencyMs: r.latency_ms,
      }))
    },
    async putRollups(list) {
      putAll(list)
    },
    async rollups(q) {
      const w = where(q, 'minute')
      return db
        .prepare(
          `SELECT env, service, probe, minute, count, failures, p50, p95, p99 FROM probe_rollups WHERE ${w.sql}
           ORDER BY minute, service, probe`,
        )
        .all(...w.args) as ProbeRollup[]
    },
    async latestRollup() {
      return (latest.get() as { m: number | null }).m
    },
    async prune({ samplesBefore, rollupsBefore }) {
      return {
        samples: pruneSamples.run(samplesBefore).changes,
        rollups: pruneRollups.run(rollupsBefore).changes,
      }
    },
  }
}
