/**
 * @module PostgreSQL outbox: durable notification queue with leases. Claims take due rows with
 * `FOR UPDATE SKIP LOCKED`, so dispatchers on many instances never claim the same item twice.
 */
import type { Pool } from 'pg'
import type { OutboxStore } from '../types.ts'
import { guarded } from './errors.ts'
import type { Tables } from './open.ts'
import type { OutboxRow } from '../sql-rows.ts'
import { outboxFromRow } from '../sql-rows.ts'

type Row = OutboxRow & { ord: number }

const COLS =
  'id, ord, channel, idempotency_key, body, status, attempts, next_attempt_at, lease_until, last_error, created_at, updated_at'

const fromRow = outboxFromRow

export function createPostgresOutbox(pool: Pool, t: Tables, url: string): OutboxStore {
  const query = async (text: string, values: unknown[] = []): Promise<Row[]> =>
    guarded(url, async () => (await pool.query<Row>(text, values)).rows)

  return {
    async enqueue(items, now) {
      if (items.length === 0) return
      await query(
        `INSERT INTO ${t.outbox} (id, channel, idempotency_key, body, status, attempts, next_attempt_at, created_at, updated_at)
         SELECT id, channel, key, body, 'pending', 0, $5, $5, $5
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS i(id, channel, key, body, n)
         ORDER BY n
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [
          items.map((i) => i.id),
          items.map((i) => i.channel),
          items.map((i) => i.idempotencyKey),
          items.map((i) => i.body),
          now,
        ],
      )
    },
    async claim(limit, now, leaseMs) {
      const rows = await query(
        `WITH due AS (
           SELECT id FROM ${t.outbox}
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY next_attempt_at, created_at, ord LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE ${t.outbox} o SET lease_until = $3, attempts = o.attempts + 1, updated_at = $1
         FROM due WHERE o.id = due.id
         RETURNING ${COLS.split(', ')
           .map((c) => `o.${c}`)
           .join(', ')}`,
        [now, limit, now + leaseMs],
      )
      rows.sort(
        (a, b) => a.next_attempt_at - b.next_attempt_at || a.created_at - b.created_at || a.ord - b.ord,
      )
      return rows.map(fromRow)
    },
    async settle(id, outcome, now) {
      if (outcome.kind === 'delivered') {
        await query(
          `UPDATE ${t.outbox} SET status = 'delivered', lease_until = NULL, last_error = NULL, updated_at = $1 WHERE id = $2 AND status = 'pending'`,
          [now, id],
        )
      } else if (outcome.kind === 'retry') {
        await query(
          `UPDATE ${t.outbox} SET lease_until = NULL, next_attempt_at = $1, last_error = $2, updated_at = $3 WHERE id = $4 AND status = 'pending'`,
          [outcome.at, outcome.error, now, id],
        )
      } else {
        await query(
          `UPDATE ${t.outbox} SET status = 'dead', lease_until = NULL, last_error = $1, updated_at = $2 WHERE id = $3 AND status = 'pending'`,
          [outcome.error, now, id],
        )
      }
    },
    async list(filter = {}) {
      const limit = filter.limit !== undefined && filter.limit >= 0 ? filter.limit : null
      const rows = await query(
        `SELECT ${COLS} FROM ${t.outbox} WHERE ($1::text IS NULL OR status = $1)
         ORDER BY created_at DESC, ord DESC LIMIT $2`,
        [filter.status ?? null, limit],
      )
      return rows.map(fromRow)
    },
    async get(id) {
      const rows = await query(`SELECT ${COLS} FROM ${t.outbox} WHERE id = $1`, [id])
      return rows[0] ? fromRow(rows[0]) : null
    },
    async requeueDead(ids, now) {
      const rows = await query(
        `UPDATE ${t.outbox} SET status = 'pending', attempts = 0, next_attempt_at = $1, lease_until = NULL, updated_at = $1
         WHERE status = 'dead' AND ($2::text[] IS NULL OR id = ANY($2::text[]))
         RETURNING id, ord`,
        [now, ids === null ? null : [...ids]],
      )
      const order = (r: Row) => (ids === null ? r.ord : ids.indexOf(r.id))
      return rows.sort((a, b) => order(a) - order(b)).map((r) => r.id)
    },
  }
}
