/** @module PostgreSQL snapshot store: one row per name, replaced in one statement. */
import type { Pool } from 'pg'
import type { SnapshotRecord, SnapshotStore } from '../types.ts'
import { guarded } from './errors.ts'
import type { Tables } from './open.ts'

export function createPostgresSnapshots(pool: Pool, t: Tables, url: string): SnapshotStore {
  const upsert = `INSERT INTO ${t.snapshots} (name, seq, hash, version, body) VALUES ($1, $2, $3, $4, $5)
    ON CONFLICT (name) DO UPDATE SET
      seq = excluded.seq, hash = excluded.hash, version = excluded.version, body = excluded.body`
  return {
    async get(name) {
      const res = await guarded(url, () =>
        pool.query<SnapshotRecord>(
          `SELECT name, seq, hash, version, body FROM ${t.snapshots} WHERE name = $1`,
          [name],
        ),
      )
      return res.rows[0] ?? null
    },
    async put(r) {
      await guarded(url, () => pool.query(upsert, [r.name, r.seq, r.hash, r.version, r.body]))
    },
  }
}
