/**
 * @module What the outbox stores per item: the notification as JSON plus its channel name, one item per channel,
 * with the idempotency key `<notification id>:<channel>` so an enqueue repeated after a crash stores nothing new.
 */
import { NOTIFY_SEVERITIES } from '../domain/severity.ts'
import { err, ok, type Result } from '../result.ts'
import type { OutboxItem, OutboxStore } from '../store/types.ts'
import type { Notification } from './types.ts'

export interface OutboxEnvelope {
  channel: string
  notification: Notification
}

export const idempotencyKeyFor = (notificationId: string, channel: string): string =>
  `${notificationId}:${channel}`

export function encodeOutboxBody(channel: string, notification: Notification): string {
  return JSON.stringify({ channel, notification } satisfies OutboxEnvelope)
}

export function decodeOutboxBody(body: string): Result<OutboxEnvelope, string> {
  let v: unknown
  try {
    v = JSON.parse(body)
  } catch {
    return err('the outbox body is not JSON')
  }
  const e = v as Partial<OutboxEnvelope> | null
  const n = e?.notification as Partial<Notification> | undefined
  if (typeof e?.channel !== 'string' || !n || typeof n !== 'object')
    return err('the outbox body has no channel')
  const strings = ['id', 'title', 'text', 'time', 'actor'] as const
  const missing = strings.filter((k) => typeof n[k] !== 'string')
  if (missing.length > 0) return err(`the notification lacks ${missing.join(', ')}`)
  if (!NOTIFY_SEVERITIES.includes(n.severity as never)) return err('the notification has no known severity')
  return ok({
    channel: e.channel,
    notification: {
      ...(n as Notification),
      env: n.env ?? null,
      facts: Array.isArray(n.facts) ? n.facts : [],
      nextAction: n.nextAction ?? null,
      url: n.url ?? null,
    },
  })
}

/** Builds and enqueues one outbox item per channel; returns them (enqueue ignores keys already stored). */
export async function enqueueNotification(
  outbox: OutboxStore,
  notification: Notification,
  channels: readonly string[],
  now: number | Date,
): Promise<Pick<OutboxItem, 'id' | 'channel' | 'idempotencyKey' | 'body'>[]> {
  const items = [...new Set(channels)].map((channel) => {
    const key = idempotencyKeyFor(notification.id, channel)
    return { id: key, channel, idempotencyKey: key, body: encodeOutboxBody(channel, notification) }
  })
  if (items.length > 0) await outbox.enqueue(items, typeof now === 'number' ? now : now.getTime())
  return items
}
