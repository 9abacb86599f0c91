/** @module Row shapes shared by the SQL stores (SQLite and PostgreSQL use the same columns) and their mapping. */
import type { HeartbeatRecord, OutboxItem, OutboxStatus, TokenRecord, TokenRole } from './types.ts'

export interface OutboxRow {
  id: string
  channel: string
  idempotency_key: string
  body: string
  status: OutboxStatus
  attempts: number
  next_attempt_at: number
  lease_until: number | null
  last_error: string | null
  created_at: number
  updated_at: number
}

export const outboxFromRow = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  channel: r.channel,
  idempotencyKey: r.idempotency_key,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  leaseUntil: r.lease_until,
  lastError: r.last_error,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

export interface TokenRow {
  id: string
  user_name: string
  role: string
  hash: string
  created_at: string
  created_by: string
  revoked_at: string | null
}

export const tokenFromRow = (r: TokenRow): TokenRecord => ({
  id: r.id,
  user: r.user_name,
  role: r.role as TokenRole,
  hash: r.hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
  revokedAt: r.revoked_at,
})

export interface HeartbeatRow {
  key: string
  at: number
  count: number
  reported_by: string | null
  release: string | null
  detail: string | null
}

export const heartbeatFromRow = (r: HeartbeatRow): HeartbeatRecord => ({
  key: r.key,
  at: new Date(r.at),
  count: r.count,
  from: r.reported_by,
  release: r.release,
  detail: r.detail,
})
