/** @module PostgreSQL API token store: one row per token, keyed by id and by the SHA-256 of its secret. */
import type { Pool } from 'pg'
import { RinaError } from '../../errors.ts'
import type { TokenStore } from '../types.ts'
import { guarded } from './errors.ts'
import type { Tables } from './open.ts'
import type { TokenRow } from '../sql-rows.ts'
import { tokenFromRow } from '../sql-rows.ts'

type Row = TokenRow
const fromRow = tokenFromRow

const UNIQUE_VIOLATION = '23505'

export function createPostgresTokens(pool: Pool, t: Tables, url: string): TokenStore {
  const cols = 'id, user_name, role, hash, created_at, created_by, revoked_at'
  return {
    async create(r) {
      try {
        await guarded(url, () =>
          pool.query(`INSERT INTO ${t.tokens} (${cols}) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
            r.id,
            r.user,
            r.role,
            r.hash,
            r.createdAt,
            r.createdBy,
            r.revokedAt,
          ]),
        )
      } catch (cause) {
        if ((cause as { code?: string }).code !== UNIQUE_VIOLATION) throw cause
        throw new RinaError({ code: 'INTERNAL', message: `token ${r.id} is already stored`, cause })
      }
    },
    async list() {
      const res = await guarded(url, () =>
        pool.query<Row>(`SELECT ${cols} FROM ${t.tokens} ORDER BY created_at, ord`),
      )
      return res.rows.map(fromRow)
    },
    async findByHash(hash) {
      const res = await guarded(url, () =>
        pool.query<Row>(`SELECT ${cols} FROM ${t.tokens} WHERE hash = $1`, [hash]),
      )
      return res.rows[0] ? fromRow(res.rows[0]) : null
    },
    async revoke(id, at) {
      const res = await guarded(url, () =>
        pool.query<Row>(
          `UPDATE ${t.tokens} SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING ${cols}`,
          [id, at],
        ),
      )
      return res.rows[0] ? fromRow(res.rows[0]) : null
    },
  }
}
