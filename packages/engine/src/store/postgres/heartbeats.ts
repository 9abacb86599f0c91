/** @module PostgreSQL heartbeat store: one row per key with its newest beat, upserted in one statement. */
import type { Pool } from 'pg'
import type { HeartbeatStore } from '../types.ts'
import { guarded } from './errors.ts'
import type { Tables } from './open.ts'
import type { HeartbeatRow } from '../sql-rows.ts'
import { heartbeatFromRow } from '../sql-rows.ts'

const COLS = 'key, at, count, reported_by, release, detail'

export function createPostgresHeartbeats(pool: Pool, t: Tables, url: string): HeartbeatStore {
  // `h` is the stored row, `excluded` the beat: a newer (or equal) beat replaces time and meta.
  const upsert = `INSERT INTO ${t.heartbeats} AS h (${COLS}) VALUES ($1, $2, 1, $3, $4, $5)
    ON CONFLICT (key) DO UPDATE SET
      count = h.count + 1,
      reported_by = CASE WHEN excluded.at >= h.at THEN excluded.reported_by ELSE h.reported_by END,
      release = CASE WHEN excluded.at >= h.at THEN excluded.release ELSE h.release END,
      detail = CASE WHEN excluded.at >= h.at THEN excluded.detail ELSE h.detail END,
      at = GREATEST(h.at, excluded.at)
    RETURNING ${COLS}`
  return {
    async beat(key, at, meta = {}) {
      const res = await guarded(url, () =>
        pool.query<HeartbeatRow>(upsert, [
          key,
          at.getTime(),
          meta.from ?? null,
          meta.release ?? null,
          meta.detail ?? null,
        ]),
      )
      return heartbeatFromRow(res.rows[0]!)
    },
    async last(key) {
      const res = await guarded(url, () =>
        pool.query<HeartbeatRow>(`SELECT ${COLS} FROM ${t.heartbeats} WHERE key = $1`, [key]),
      )
      return res.rows[0] ? heartbeatFromRow(res.rows[0]) : null
    },
    async list() {
      const res = await guarded(url, () =>
        pool.query<HeartbeatRow>(`SELECT ${COLS} FROM ${t.heartbeats} ORDER BY key COLLATE "C"`),
      )
      return res.rows.map(heartbeatFromRow)
    },
  }
}
