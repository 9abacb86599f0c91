/** @module SQLite snapshot store: one row per name, replaced in one statement. */
import type { SnapshotRecord, SnapshotStore } from '../types.ts'
import type { Db } from './open.ts'

export function createSqliteSnapshots(db: Db): SnapshotStore {
  const byName = db.prepare('SELECT name, seq, hash, version, body FROM snapshots WHERE name = ?')
  const upsert = db.prepare(`INSERT INTO snapshots (name, seq, hash, version, body) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (name) DO UPDATE SET
      seq = excluded.seq, hash = excluded.hash, version = excluded.version, body = excluded.body`)
  return {
    async get(name) {
      return (byName.get(name) as SnapshotRecord | undefined) ?? null
    },
    async put(r) {
      upsert.run(r.name, r.seq, r.hash, r.version, r.body)
    },
  }
}
