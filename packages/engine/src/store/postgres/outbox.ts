/**
 * @module PostgreSQL outbox: durable notification queue with leases. Claims take due rows with
 * `FOR UPDATE SKIP LOCKED`, so dispatchers on many instances never claim the same item twice; each claim stores a
 * random lease token, and only a settle bearing the current token changes the item.
 */
import { randomUUID } from 'node:crypto'
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
      const leaseToken = randomUUID()
      const rows = await query(
        `WITH due AS (
           SELECT id FROM ${t.outbox}
           WHERE status = 'pending' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY next_attempt_at, created_at, ord LIMIT $2
           FOR UPDATE SKIP LOCKED
         )
         UPDATE ${t.outbox} o SET lease_until = $3, lease_token = $4, attempts = o.attempts + 1, updated_at = $1
         FROM due WHERE o.id = due.id
         RETURNING ${COLS.split(', ')
           .map((c) => `o.${c}`)
           .join(', ')}`,
        [now, limit, now + leaseMs, leaseToken],
      )
      rows.sort(
        (a, b) => a.next_attempt_at - b.next_attempt_at || a.created_at - b.created_at || a.ord - b.ord,
      )
      return rows.map((r) => ({ ...fromRow(r), leaseToken }))
    },
    async settle({ id, leaseToken }, outcome, now) {
      // $1 id, $2 lease token, $3 now; then what the outcome sets
      const [set, values]: [string, unknown[]] =
        outcome.kind === 'delivered'
          ? [`status = 'delivered', last_error = NULL`, []]
          : outcome.kind === 'retry'
            ? ['next_attempt_at = $4, last_error = $5', [outcome.at, outcome.error]]
            : [`status = 'dead', last_error = $4`, [outcome.error]]
      const rows = await query(
        `UPDATE ${t.outbox} SET ${set}, lease_until = NULL, lease_token = NULL, updated_at = $3
         WHERE id = $1 AND lease_token = $2 AND status = 'pending' RETURNING id`,
        [id, leaseToken, now, ...values],
      )
      return rows.length > 0
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
