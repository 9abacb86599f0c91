/**
 * @module PostgreSQL environment locks with expiry. Acquire is one upsert whose conflict branch only fires for the
 * same holder or an expired lock; the row lock taken by `ON CONFLICT` makes concurrent attempts agree on one holder.
 */
import type { Pool } from 'pg'
import type { LockInfo, LockStore } from '../types.ts'
import { guarded } from './errors.ts'
import type { Tables } from './open.ts'

interface Row {
  env: string
  holder: string
  acquired_at: number
  expires_at: number
}

const fromRow = (r: Row): LockInfo => ({
  env: r.env,
  holder: r.holder,
  acquiredAt: r.acquired_at,
  expiresAt: r.expires_at,
})

/** A taker can find the lock held, then see it released before reading it; a few rounds settle that race. */
const MAX_ROUNDS = 5

export function createPostgresLocks(pool: Pool, t: Tables, url: string): LockStore {
  const take = `INSERT INTO ${t.locks} AS l (env, holder, acquired_at, expires_at) VALUES ($1, $2, $3, $3::bigint + $4::bigint)
    ON CONFLICT (env) DO UPDATE SET
      holder = excluded.holder,
      acquired_at = CASE WHEN l.holder = excluded.holder AND l.expires_at > $3 THEN l.acquired_at ELSE excluded.acquired_at END,
      expires_at = excluded.expires_at
    WHERE l.holder = excluded.holder OR l.expires_at <= $3
    RETURNING env`
  const current = `SELECT env, holder, acquired_at, expires_at FROM ${t.locks} WHERE env = $1 AND expires_at > $2`

  return {
    async acquire(env, holder, ttlMs, now) {
      return guarded(url, async () => {
        for (let round = 1; ; round++) {
          const taken = await pool.query(take, [env, holder, now, ttlMs])
          if (taken.rowCount === 1) return { ok: true as const }
          const held = (await pool.query<Row>(current, [env, now])).rows[0]
          if (held) return { ok: false as const, held: fromRow(held) }
          if (round >= MAX_ROUNDS) throw new Error(`lock ${env} kept changing hands while being acquired`)
        }
      })
    },
    async release(env, holder) {
      await guarded(url, () =>
        pool.query(`DELETE FROM ${t.locks} WHERE env = $1 AND holder = $2`, [env, holder]),
      )
    },
    async inspect(env, now) {
      return guarded(url, async () => {
        const row = (await pool.query<Row>(current, [env, now])).rows[0]
        return row ? fromRow(row) : null
      })
    },
  }
}
