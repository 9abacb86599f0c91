/** @module SQLite environment locks with expiry, so a crashed holder never keeps a lock forever. */
import type { LockInfo, LockStore } from '../types.ts'
import type { Db } from './open.ts'

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

export function createSqliteLocks(db: Db): LockStore {
  const get = db.prepare('SELECT * FROM locks WHERE env = ?')
  const upsert = db.prepare(
    `INSERT INTO locks (env, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(env) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at`,
  )
  const renew = db.prepare('UPDATE locks SET expires_at = ? WHERE env = ? AND holder = ?')
  const del = db.prepare('DELETE FROM locks WHERE env = ? AND holder = ?')

  const acquireTx = db.transaction((env: string, holder: string, ttlMs: number, now: number) => {
    const cur = get.get(env) as Row | undefined
    if (cur && cur.expires_at > now && cur.holder !== holder)
      return { ok: false as const, held: fromRow(cur) }
    if (cur && cur.holder === holder && cur.expires_at > now) renew.run(now + ttlMs, env, holder)
    else upsert.run(env, holder, now, now + ttlMs)
    return { ok: true as const }
  })

  return {
    async acquire(env, holder, ttlMs, now) {
      return acquireTx.immediate(env, holder, ttlMs, now)
    },
    async release(env, holder) {
      del.run(env, holder)
    },
    async inspect(env, now) {
      const cur = get.get(env) as Row | undefined
      return cur && cur.expires_at > now ? fromRow(cur) : null
    },
  }
}
