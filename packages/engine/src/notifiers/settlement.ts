/**
 * @module The settle decision, pure: a send outcome and the item's attempts become delivered, retry at a time,
 * or dead. A receiver's Retry-After is a floor under the jittered backoff.
 */
import type { OutboxItem, SettleOutcome } from '../store/types.ts'
import { backoffDelay, type DeliveryPolicy } from './backoff.ts'
import type { SendOutcome } from './types.ts'

export function describeFailure(o: Extract<SendOutcome, { ok: false }>): string {
  return `${o.reason}: ${o.detail}`
}

export function settlementFor(
  item: Pick<OutboxItem, 'attempts'>,
  outcome: SendOutcome,
  policy: Pick<DeliveryPolicy, 'maxAttempts' | 'initialBackoffMs' | 'maxBackoffMs'>,
  now: number,
  random: () => number,
): SettleOutcome {
  if (outcome.ok) return { kind: 'delivered' }
  const error = describeFailure(outcome)
  if (!outcome.retryable) return { kind: 'dead', error }
  if (item.attempts >= policy.maxAttempts) {
    return { kind: 'dead', error: `${error} (gave up after ${item.attempts} attempts)` }
  }
  const delay = Math.max(backoffDelay(item.attempts, policy, random), outcome.retryAfterMs ?? 0)
  return { kind: 'retry', at: now + delay, error }
}
