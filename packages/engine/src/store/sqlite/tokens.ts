/** @module SQLite API token store: one row per token, keyed by id and by the SHA-256 of its secret. */
import { RinaError } from '../../errors.ts'
import type { TokenStore } from '../types.ts'
import type { Db } from './open.ts'
import type { TokenRow } from '../sql-rows.ts'
import { tokenFromRow } from '../sql-rows.ts'

type Row = TokenRow
const fromRow = tokenFromRow

export function createSqliteTokens(db: Db): TokenStore {
  const insert = db.prepare(
    'INSERT INTO tokens (id, user_name, role, hash, created_at, created_by, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const all = db.prepare('SELECT * FROM tokens ORDER BY created_at, rowid')
  const byHash = db.prepare('SELECT * FROM tokens WHERE hash = ?')
  const byId = db.prepare('SELECT * FROM tokens WHERE id = ?')
  const revoke = db.prepare('UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?')
  return {
    async create(t) {
      try {
        insert.run(t.id, t.user, t.role, t.hash, t.createdAt, t.createdBy, t.revokedAt)
      } catch (cause) {
        throw new RinaError({ code: 'INTERNAL', message: `token ${t.id} could not be stored`, cause })
      }
    },
    async list() {
      return (all.all() as Row[]).map(fromRow)
    },
    async findByHash(hash) {
      const r = byHash.get(hash) as Row | undefined
      return r ? fromRow(r) : null
    },
    async revoke(id, at) {
      revoke.run(at, id)
      const r = byId.get(id) as Row | undefined
      return r ? fromRow(r) : null
    },
  }
}
