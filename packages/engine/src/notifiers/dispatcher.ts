/**
 * @module The outbox dispatcher: delivery as stages around send. Claim due items with a lease → decode → redact
 * → render → send with timeout → settle (delivered, retry with backoff, or dead) → hooks, so the caller can
 * journal the facts. A dispatcher killed mid-send loses nothing: its lease expires and the item is claimed
 * again with the same idempotency key (at-least-once). A dispatcher that was merely slow, and whose item another
 * one claimed meanwhile, finds its settle refused (its lease token is stale): the other's result stands, and the
 * lost lease is reported, not journaled.
 */
import type { Clock } from '../clock.ts'
import { RinaError } from '../errors.ts'
import type { ClaimedOutboxItem, OutboxItem, OutboxStore, SettleOutcome } from '../store/types.ts'
import type { DeliveryPolicy } from './backoff.ts'
import { decodeOutboxBody } from './outbox-body.ts'
import { redactNotification, redactString } from './redact.ts'
import { sendWithTimeout } from './send-with-timeout.ts'
import { settlementFor } from './settlement.ts'
import type { Message, Notifier } from './types.ts'

export interface DispatcherHooks {
  onDelivered?(item: OutboxItem): void | Promise<void>
  onDeadLettered?(item: OutboxItem, error: string): void | Promise<void>
  onRetry?(item: OutboxItem, error: string, at: number): void | Promise<void>
  /** The item's lease passed to another claim before this one settled it; `outcome` was not recorded. */
  onLeaseLost?(item: OutboxItem, outcome: SettleOutcome): void | Promise<void>
  /** A hook threw; the item is settled regardless. */
  onHookError?(error: unknown, item: OutboxItem): void
}

export interface DispatcherOptions {
  outbox: OutboxStore
  channels: Readonly<Record<string, Notifier>>
  policy: DeliveryPolicy
  clock: Clock
  /** Uniform in [0, 1): the jitter source. */
  random: () => number
  /** Known secret values (resolved config secrets); redacted from payloads and errors. */
  secrets: readonly string[]
  /** How long a claim lasts; must outlast policy.timeoutMs. Default: timeout + 30s. */
  leaseMs?: number
  hooks?: DispatcherHooks
  /** Waits between drain rounds; injected so a test clock can move time. Default: a real timer. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

export interface RoundResult {
  claimed: number
  delivered: number
  retried: number
  dead: number
  /** Items whose lease another dispatcher took over before this one settled them. */
  lost: number
}

export interface DrainResult extends Omit<RoundResult, 'claimed'> {
  /** Items still pending when drain returned. */
  pending: number
}

export interface Dispatcher {
  runOnce(signal?: AbortSignal): Promise<RoundResult>
  /** Runs rounds until nothing is due before `until` (epoch ms; default: now), or the signal aborts. */
  drain(opts?: { until?: number; signal?: AbortSignal }): Promise<DrainResult>
}

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const { outbox, channels, policy, clock, random, secrets, hooks = {} } = opts
  const leaseMs = opts.leaseMs ?? policy.timeoutMs + 30_000
  if (leaseMs <= policy.timeoutMs) {
    throw new RinaError({
      code: 'CONFIG_INVALID',
      message: `the outbox lease (${leaseMs}ms) must outlast the send timeout (${policy.timeoutMs}ms)`,
      hint: 'raise leaseMs or lower the delivery timeout, or two dispatchers may send the same item at once',
    })
  }
  const sleep = opts.sleep ?? realSleep
  const now = () => clock.now().getTime()

  const call = async (item: OutboxItem, fn: () => void | Promise<void>) => {
    try {
      await fn()
    } catch (e) {
      hooks.onHookError?.(e, item)
    }
  }

  /** decode → redact → render; a failure here is permanent for this item (dead, requeue after a fix). */
  const prepare = (item: OutboxItem): { notifier: Notifier; msg: Message } | { error: string } => {
    const env = decodeOutboxBody(item.body)
    if (!env.ok) return { error: `config: ${env.error}` }
    const notifier = channels[item.channel]
    if (!notifier) return { error: `config: no channel named "${item.channel}" is configured` }
    try {
      return { notifier, msg: notifier.render(redactNotification(env.value.notification, secrets)) }
    } catch (e) {
      return { error: `config: the ${notifier.type} notifier could not render it: ${String(e)}` }
    }
  }

  const deliver = async (
    claimed: ClaimedOutboxItem,
    signal?: AbortSignal,
  ): Promise<SettleOutcome['kind'] | 'lost'> => {
    const { leaseToken, ...item } = claimed
    const ready = prepare(item)
    let settle: SettleOutcome
    if ('error' in ready) settle = { kind: 'dead', error: ready.error }
    else {
      const outcome = await sendWithTimeout(ready.notifier, ready.msg, {
        idempotencyKey: item.idempotencyKey,
        timeoutMs: policy.timeoutMs,
        now: () => clock.now(),
        signal,
      })
      settle = settlementFor(item, outcome, policy, now(), random)
    }
    if (settle.kind !== 'delivered') settle = { ...settle, error: redactString(settle.error, secrets) }
    const at = now()
    if (!(await outbox.settle({ id: item.id, leaseToken }, settle, at))) {
      await call(item, () => hooks.onLeaseLost?.(item, settle))
      return 'lost'
    }
    const after: OutboxItem = { ...item, leaseUntil: null, updatedAt: at }
    if (settle.kind === 'delivered') {
      await call(item, () => hooks.onDelivered?.({ ...after, status: 'delivered', lastError: null }))
    } else if (settle.kind === 'dead') {
      const error = settle.error
      await call(item, () => hooks.onDeadLettered?.({ ...after, status: 'dead', lastError: error }, error))
    } else {
      const { error, at: next } = settle
      await call(item, () =>
        hooks.onRetry?.({ ...after, nextAttemptAt: next, lastError: error }, error, next),
      )
    }
    return settle.kind
  }

  const runOnce = async (signal?: AbortSignal): Promise<RoundResult> => {
    const items = await outbox.claim(policy.batchSize, now(), leaseMs)
    const settled = await Promise.all(items.map((i) => deliver(i, signal)))
    const count = (k: SettleOutcome['kind'] | 'lost') => settled.filter((s) => s === k).length
    return {
      claimed: items.length,
      delivered: count('delivered'),
      retried: count('retry'),
      dead: count('dead'),
      lost: count('lost'),
    }
  }

  const drain = async ({
    until,
    signal,
  }: { until?: number; signal?: AbortSignal } = {}): Promise<DrainResult> => {
    const total = { delivered: 0, retried: 0, dead: 0, lost: 0 }
    for (;;) {
      if (signal?.aborted || (until !== undefined && now() > until)) break
      const r = await runOnce(signal)
      total.delivered += r.delivered
      total.retried += r.retried
      total.dead += r.dead
      total.lost += r.lost
      if (r.claimed > 0) continue
      const t = now()
      const next = await nextClaimableAt(outbox)
      if (next === null || next > (until ?? t)) break
      if (next > t) await sleep(next - t, signal)
    }
    return { ...total, pending: (await outbox.list({ status: 'pending' })).length }
  }

  return { runOnce, drain }
}

/** When the earliest pending item can be claimed: its due time, or its lease's end if one is held. */
async function nextClaimableAt(outbox: OutboxStore): Promise<number | null> {
  const pending = await outbox.list({ status: 'pending' })
  if (pending.length === 0) return null
  return Math.min(...pending.map((i) => Math.max(i.nextAttemptAt, i.leaseUntil ?? -Infinity)))
}

function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}
