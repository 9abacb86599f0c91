/**
 * @module Grouping and rate limits in Alertmanager's manner, pure: events of one route, environment and family
 * form a group. A new group waits `groupWait` to gather related events, then sends; new events afterwards wait
 * until `groupInterval` has passed since the last send; a group with incidents still open repeats its notice
 * every `repeatInterval`. Every decision is a function of the recorded facts and an explicit `now`.
 */
import type { JournalEvent } from '../../domain/events.ts'
import { incidentOf } from './incident-notice.ts'

export interface Timers {
  groupWaitMs: number
  groupIntervalMs: number
  repeatIntervalMs: number
}

export interface Group {
  key: string
  route: number
  env: string | null
  family: string
  /** Events not yet sent, in order. */
  pending: JournalEvent[]
  /** When the first event of the group arrived. */
  firstAt: number
  /** When the group last sent (new events or a repeat), or null before its first send. */
  sentAt: number | null
  /** Latest event of each unresolved incident in the group, by incident id. */
  open: Record<string, JournalEvent>
}

export const groupKey = (route: number, env: string | null, family: string) =>
  `${route}|${env ?? '-'}|${family}`

export function addEvent(
  group: Group | undefined,
  at: { route: number; env: string | null; family: string },
  e: JournalEvent,
  now: number,
): Group {
  const g: Group = group ?? {
    key: groupKey(at.route, at.env, at.family),
    ...at,
    pending: [],
    firstAt: now,
    sentAt: null,
    open: {},
  }
  g.pending.push(e)
  const incident = incidentOf(e)
  if (incident) {
    if (incident.status === 'resolved') delete g.open[incident.id]
    else g.open[incident.id] = e
  }
  return g
}

export type Decision =
  { kind: 'send'; events: JournalEvent[] } | { kind: 'repeat'; events: JournalEvent[] } | null

/**
 * When the group next needs a look, or null when nothing is due ever without new events. Open incidents the group
 * never told of (their events went stale before it could, see projection.ts) are restated after groupWait.
 */
export function dueAt(g: Group, t: Timers): number | null {
  const wait = g.pending.length ? t.groupIntervalMs : Object.keys(g.open).length ? t.repeatIntervalMs : null
  if (wait === null) return null
  return g.sentAt === null ? g.firstAt + t.groupWaitMs : g.sentAt + wait
}

export function decide(g: Group, now: number, t: Timers): Decision {
  const due = dueAt(g, t)
  if (due === null || now < due) return null
  if (g.pending.length) return { kind: 'send', events: [...g.pending] }
  return { kind: 'repeat', events: Object.values(g.open).sort((a, b) => a.seq - b.seq) }
}

/** The group after its decision was sent at `now`. */
export function markSent(g: Group, d: NonNullable<Decision>, now: number): Group {
  const sent = new Set(d.events.map((e) => e.seq))
  return { ...g, pending: g.pending.filter((e) => !sent.has(e.seq)), sentAt: now }
}

/** A group with nothing pending and nothing open can be forgotten once its interval has passed. */
export const idle = (g: Group, now: number, t: Timers): boolean =>
  g.pending.length === 0 &&
  Object.keys(g.open).length === 0 &&
  (g.sentAt === null || now >= g.sentAt + t.groupIntervalMs)
