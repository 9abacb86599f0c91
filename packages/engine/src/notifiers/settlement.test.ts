/** @module settlementFor: delivered, retry at a backoff (Retry-After as a floor), or dead — as a table. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { SettleOutcome } from '../store/types.ts'
import { settlementFor } from './settlement.ts'
import type { SendOutcome } from './types.ts'

const P = { maxAttempts: 4, initialBackoffMs: 1_000, maxBackoffMs: 10_000 }
const NOW = 1_000_000
const down: SendOutcome = { ok: false, retryable: true, reason: 'network', detail: 'ECONNREFUSED' }

describe('settlementFor', () => {
  const scenarios: {
    name: string
    attempts: number
    outcome: SendOutcome
    random?: number
    want: SettleOutcome
  }[] = [
    {
      name: 'delivers when the send succeeded',
      attempts: 1,
      outcome: { ok: true },
      want: { kind: 'delivered' },
    },
    {
      name: 'retries at half the ceiling when the random source gives 0.5',
      attempts: 2,
      outcome: down,
      want: { kind: 'retry', at: NOW + 1_000, error: 'network: ECONNREFUSED' },
    },
    {
      name: 'retries no earlier than Retry-After when the receiver asked for longer',
      attempts: 1,
      outcome: {
        ok: false,
        retryable: true,
        reason: 'rate-limited',
        detail: 'HTTP 429',
        retryAfterMs: 30_000,
      },
      want: { kind: 'retry', at: NOW + 30_000, error: 'rate-limited: HTTP 429' },
    },
    {
      name: 'keeps the backoff when Retry-After is shorter',
      attempts: 3,
      outcome: { ok: false, retryable: true, reason: 'server', detail: 'HTTP 503', retryAfterMs: 10 },
      want: { kind: 'retry', at: NOW + 2_000, error: 'server: HTTP 503' },
    },
    {
      name: 'dead-letters when the failure is not retryable',
      attempts: 1,
      outcome: { ok: false, retryable: false, reason: 'client', detail: 'HTTP 404' },
      want: { kind: 'dead', error: 'client: HTTP 404' },
    },
    {
      name: 'dead-letters when the last attempt failed',
      attempts: 4,
      outcome: down,
      want: { kind: 'dead', error: 'network: ECONNREFUSED (gave up after 4 attempts)' },
    },
  ]
  for (const s of scenarios) {
    it(s.name, () =>
      assert.deepEqual(
        settlementFor({ attempts: s.attempts }, s.outcome, P, NOW, () => s.random ?? 0.5),
        s.want,
      ),
    )
  }
})
