/** @module Projection of notification events: per message and channel, requested → delivered | dead. */
import type { JournalEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'

export function applyNotification(s: State, e: JournalEvent): void {
  if (e.type === 'notification.requested') {
    const p = e.payload as JournalEvent<'notification.requested'>['payload']
    s.notifications[`${p.notificationId}:${p.channel}`] = {
      id: p.notificationId,
      channel: p.channel,
      status: 'requested',
      title: p.title,
      attempts: 0,
      lastError: null,
      requestedAt: e.time,
    }
    return
  }
  const p = e.payload as { notificationId: string; channel: string; attempts?: number; lastError?: string }
  const n = s.notifications[`${p.notificationId}:${p.channel}`]
  if (!n) return
  if (e.type === 'notification.delivered') Object.assign(n, { status: 'delivered', lastError: null })
  else if (e.type === 'notification.dead_lettered')
    Object.assign(n, { status: 'dead', lastError: p.lastError ?? n.lastError })
  else if (e.type === 'notification.requeued') n.status = 'requested'
  if (p.attempts !== undefined) n.attempts = p.attempts
}
