/**
 * @module The communication agent's state as a projection of the journal, pure: its groups (events not yet sent,
 * incidents still open, when each group last sent) and what earlier events said about each open incident. The
 * agent folds every event as it arrives; on start it folds the journal so far, so that after a restart no group
 * sends again before its interval and open incidents keep their repeat. A send is a `notification.requested`
 * event naming its group: it covers the group's events up to its `sourceSeq`, at the event's time.
 */
import type { RouteConfig } from '../../config/schema.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { addEvent, groupKey, idle, markSent, type Group, type Timers } from './groups.ts'
import { familyOf, matchRoutes } from './routing.ts'

export interface CommunicationState {
  groups: Map<string, Group>
  /** Per open incident, the fields later events about it lack but a notice shows. */
  incidents: Map<string, Record<string, unknown>>
  /** The last journal sequence folded in; 0 before any. */
  seq: number
}

export interface FoldContext {
  routes: readonly RouteConfig[]
  /** Environment names in promotion order. */
  environments: readonly string[]
  timers: Timers
}

export const emptyState = (): CommunicationState => ({ groups: new Map(), incidents: new Map(), seq: 0 })

/** Fields later incident events lack but a notice about them shows; kept from the events before. */
const REMEMBERED = ['title', 'severity', 'services', 'release', 'plan', 'type']

/** An incident event with what earlier events said about its incident filled in (a copy; the journal is as is). */
function enrich(s: CommunicationState, e: JournalEvent): JournalEvent {
  const p = e.payload as { incidentId?: unknown }
  if (!e.type.startsWith('incident.') || typeof p.incidentId !== 'string') return e
  const merged = { ...s.incidents.get(p.incidentId), ...(e.payload as Record<string, unknown>) }
  if (e.type === 'incident.resolved') s.incidents.delete(p.incidentId)
  else
    s.incidents.set(
      p.incidentId,
      Object.fromEntries(REMEMBERED.filter((k) => k in merged).map((k) => [k, merged[k]])),
    )
  return { ...e, payload: merged as unknown as JournalEvent['payload'] }
}

/** Whether the group holds the event of `seq`, still unsent or as an open incident's latest event. */
const holds = (g: Group, seq: number): boolean =>
  g.pending.some((e) => e.seq === seq) || Object.values(g.open).some((e) => e.seq === seq)

function applySent(s: CommunicationState, e: JournalEvent<'notification.requested'>, now: number): void {
  const { group, sourceSeq } = e.payload
  if (sourceSeq === null) return
  // Events journaled before notifications named their group: the groups holding the event it was sent for.
  const sent =
    group !== undefined ? [s.groups.get(group)] : [...s.groups.values()].filter((g) => holds(g, sourceSeq))
  for (const g of sent) {
    if (!g) continue
    const events = g.pending.filter((x) => x.seq <= sourceSeq)
    s.groups.set(g.key, markSent(g, { kind: 'send', events }, now))
  }
}

/**
 * Folds one event in at `now` (when the agent received it; its journal time on replay). Events up to the last
 * sequence folded are skipped, so the journal read on start and the live events may overlap.
 */
export function applyEvent(s: CommunicationState, e: JournalEvent, c: FoldContext, now: number): void {
  if (e.seq <= s.seq) return
  s.seq = e.seq
  if (e.type === 'notification.requested')
    return applySent(s, e as JournalEvent<'notification.requested'>, now)
  const enriched = enrich(s, e)
  const family = familyOf(e.type)
  for (const m of matchRoutes(c.routes, enriched, c.environments)) {
    const key = groupKey(m.route, m.env, family)
    const before = s.groups.get(key)
    // A group gone idle is over (the agent forgets it on its next look): the event starts a new one.
    const group = before && !idle(before, now, c.timers) ? before : undefined
    s.groups.set(key, addEvent(group, { route: m.route, env: m.env, family }, enriched, now))
  }
}

/**
 * The state after the journal's events, as of `now`. Events still unsent that are older than one repeat interval
 * are dropped as stale (they were journaled while no agent ran, e.g. by the CLI before `rina serve` started);
 * the incidents among them stay open, and a group that never told of them restates them once it is due.
 */
export function projectCommunication(
  events: readonly JournalEvent[],
  c: FoldContext,
  now: number,
): CommunicationState {
  const s = emptyState()
  for (const e of events) applyEvent(s, e, c, Date.parse(e.time))
  const horizon = now - c.timers.repeatIntervalMs
  for (const g of s.groups.values()) {
    const fresh = g.pending.filter((e) => Date.parse(e.time) >= horizon)
    if (fresh.length === g.pending.length) continue
    g.pending = fresh
    if (g.sentAt === null && fresh[0]) g.firstAt = Date.parse(fresh[0].time)
  }
  return s
}
