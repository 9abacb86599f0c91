/**
 * @module SQLite outbox: durable notification queue with leases, so a killed dispatcher loses nothing. Each claim
 * stores a random lease token; only a settle bearing the current token changes the item.
 */
import { randomUUID } from 'node:crypto'
import { RinaError } from '../../errors.ts'
import type { ClaimedOutboxItem, OutboxItem, OutboxStore } from '../types.ts'
import type { Db } from './open.ts'
import type { OutboxRow } from '../sql-rows.ts'
import { outboxFromRow } from '../sql-rows.ts'

type Row = OutboxRow
const fromRow = outboxFromRow

export function createSqliteOutbox(db: Db): OutboxStore {
  const insert = db.prepare(
    `INSERT INTO outbox (id, channel, idempotency_key, body, status, attempts, next_attempt_at, created_at, updated_at)
     VALUES (@id, @channel, @idempotencyKey, @body, 'pending', 0, @now, @now, @now)
     ON CONFLICT(idempotency_key) DO NOTHING`,
  )
  const due = db.prepare(
    `SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
     ORDER BY next_attempt_at, created_at, rowid LIMIT ?`,
  )
  const lease = db.prepare(
    `UPDATE outbox SET lease_until = ?, lease_token = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?`,
  )
  const getStmt = db.prepare('SELECT * FROM outbox WHERE id = ?')
  const settleDelivered = db.prepare(
    `UPDATE outbox SET status = 'delivered', lease_until = NULL, lease_token = NULL, last_error = NULL, updated_at = ?
     WHERE id = ? AND lease_token = ? AND status = 'pending'`,
  )
  const settleRetry = db.prepare(
    `UPDATE outbox SET lease_until = NULL, lease_token = NULL, next_attempt_at = ?, last_error = ?, updated_at = ?
     WHERE id = ? AND lease_token = ? AND status = 'pending'`,
  )
  const settleDead = db.prepare(
    `UPDATE outbox SET status = 'dead', lease_until = NULL, lease_token = NULL, last_error = ?, updated_at = ?
     WHERE id = ? AND lease_token = ? AND status = 'pending'`,
  )
  const requeue = db.prepare(
    `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL, updated_at = ?
     WHERE id = ? AND status = 'dead'`,
  )

  const enqueueTx = db.transaction(
    (items: readonly Pick<OutboxItem, 'id' | 'channel' | 'idempotencyKey' | 'body'>[], now: number) => {
      for (const it of items) {
        const { id, channel, idempotencyKey, body } = it
        try {
          insert.run({ id, channel, idempotencyKey, body, now })
        } catch (e) {
          if ((e as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e
          throw new RinaError({
            code: 'INTERNAL',
            message: `outbox id ${id} is already used by another item`,
            cause: e,
          })
        }
      }
    },
  )
  const claimTx = db.transaction((limit: number, now: number, leaseMs: number): ClaimedOutboxItem[] => {
    if (limit <= 0) return []
    const rows = due.all(now, now, limit) as Row[]
    const leaseToken = randomUUID()
    for (const r of rows) lease.run(now + leaseMs, leaseToken, now, r.id)
    return rows.map((r) => ({
      ...fromRow(r),
      attempts: r.attempts + 1,
      leaseUntil: now + leaseMs,
      updatedAt: now,
      leaseToken,
    }))
  })
  const requeueTx = db.transaction((ids: readonly string[] | null, now: number): string[] => {
    const targets =
      ids ??
      (
        db.prepare(`SELECT id FROM outbox WHERE status = 'dead' ORDER BY rowid`).all() as { id: string }[]
      ).map((r) => r.id)
    return targets.filter((id) => requeue.run(now, now, id).changes > 0)
  })

  return {
    async enqueue(items, now) {
      enqueueTx(items, now)
    },
    async claim(limit, now, leaseMs) {
      return claimTx.immediate(limit, now, leaseMs)
    },
    async settle({ id, leaseToken }, outcome, now) {
      const done =
        outcome.kind === 'delivered'
          ? settleDelivered.run(now, id, leaseToken)
          : outcome.kind === 'retry'
            ? settleRetry.run(outcome.at, outcome.error, now, id, leaseToken)
            : settleDead.run(outcome.error, now, id, leaseToken)
      return done.changes > 0
    },
    async list(filter = {}) {
      const where = filter.status ? `WHERE status = ?` : ''
      const args: unknown[] = filter.status ? [filter.status] : []
      const rows = db
        .prepare(`SELECT * FROM outbox ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`)
        .all(...args, filter.limit ?? -1) as Row[]
      return rows.map(fromRow)
    },
    async get(id) {
      const r = getStmt.get(id) as Row | undefined
      return r ? fromRow(r) : null
    },
    async requeueDead(ids, now) {
      return requeueTx.immediate(ids, now)
    },
  }
}
