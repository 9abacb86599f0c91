/**
 * @module Delivery policy and retry delays: exponential from initialBackoff, capped at maxBackoff, with full
 * jitter drawn from an injected random source (so tests are deterministic).
 */
import { parseDuration } from '../domain/duration.ts'

export interface DeliveryPolicy {
  /** Attempts before an item is dead-lettered. */
  maxAttempts: number
  initialBackoffMs: number
  maxBackoffMs: number
  /** Longest one send may take; the lease must outlast it. */
  timeoutMs: number
  /** Items claimed per round. */
  batchSize: number
}

export const DEFAULT_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  initialBackoffMs: 2_000,
  maxBackoffMs: 300_000,
  timeoutMs: 15_000,
  batchSize: 16,
}

/** The `notifications.delivery` config section as a policy. */
export function policyFromConfig(
  delivery: { maxAttempts: number; initialBackoff: string; maxBackoff: string },
  rest: Partial<Pick<DeliveryPolicy, 'timeoutMs' | 'batchSize'>> = {},
): DeliveryPolicy {
  return {
    ...DEFAULT_POLICY,
    ...rest,
    maxAttempts: delivery.maxAttempts,
    initialBackoffMs: parseDuration(delivery.initialBackoff) ?? DEFAULT_POLICY.initialBackoffMs,
    maxBackoffMs: parseDuration(delivery.maxBackoff) ?? DEFAULT_POLICY.maxBackoffMs,
  }
}

/** The ceiling of the delay after `attempts` failed attempts (1 → initialBackoff, doubling, capped). */
export function backoffCeiling(
  attempts: number,
  policy: Pick<DeliveryPolicy, 'initialBackoffMs' | 'maxBackoffMs'>,
) {
  const exp = policy.initialBackoffMs * 2 ** Math.max(0, attempts - 1)
  return Math.min(policy.maxBackoffMs, exp)
}

/** Full jitter: a uniform delay in [0, ceiling). `random` returns a number in [0, 1). */
export function backoffDelay(
  attempts: number,
  policy: Pick<DeliveryPolicy, 'initialBackoffMs' | 'maxBackoffMs'>,
  random: () => number,
): number {
  const r = Math.min(Math.max(random(), 0), 1)
  return Math.floor(r * backoffCeiling(attempts, policy))
}
