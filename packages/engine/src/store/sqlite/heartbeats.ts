/** @module SQLite heartbeat store: one row per key with its newest beat, upserted in one statement. */
import type { HeartbeatStore } from '../types.ts'
import type { Db } from './open.ts'
import type { HeartbeatRow } from '../sql-rows.ts'
import { heartbeatFromRow } from '../sql-rows.ts'

/** On conflict, every right-hand side reads the stored row: a newer (or equal) beat replaces time and meta. */
const UPSERT = `INSERT INTO heartbeats (key, at, count, reported_by, release, detail) VALUES (?, ?, 1, ?, ?, ?)
  ON CONFLICT (key) DO UPDATE SET
    count = count + 1,
    reported_by = CASE WHEN excluded.at >= at THEN excluded.reported_by ELSE reported_by END,
    release = CASE WHEN excluded.at >= at THEN excluded.release ELSE release END,
    detail = CASE WHEN excluded.at >= at THEN excluded.detail ELSE detail END,
    at = MAX(at, excluded.at)
  RETURNING *`

export function createSqliteHeartbeats(db: Db): HeartbeatStore {
  const upsert = db.prepare(UPSERT)
  const byKey = db.prepare('SELECT * FROM heartbeats WHERE key = ?')
  const all = db.prepare('SELECT * FROM heartbeats ORDER BY key')
  return {
    async beat(key, at, meta = {}) {
      const row = upsert.get(
        key,
        at.getTime(),
        meta.from ?? null,
        meta.release ?? null,
        meta.detail ?? null,
      ) as HeartbeatRow
      return heartbeatFromRow(row)
    },
    async last(key) {
      const r = byKey.get(key) as HeartbeatRow | undefined
      return r ? heartbeatFromRow(r) : null
    },
    async list() {
      return (all.all() as HeartbeatRow[]).map(heartbeatFromRow)
    },
  }
}
