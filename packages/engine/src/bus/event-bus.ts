/**
 * @module The in-process event bus: every journal event, once, in sequence order, to every subscriber. It remembers
 * the last sequence it delivered, so a batch seen twice is delivered once and a batch after a gap waits until the
 * feed (feed.ts) has read the missing events from the store.
 */
import type { JournalEvent } from '../domain/events.ts'
import { typeMatcher } from '../journal/journal.ts'

export interface BusFilter {
  /** Event types, with * wildcards ("deploy.*"). */
  types?: readonly string[] | undefined
  /** Only events whose payload names this environment. */
  env?: string | undefined
  /** Only events whose payload names this run. */
  runId?: string | undefined
}

export type EventHandler = (event: JournalEvent) => void
export type Unsubscribe = () => void

interface Subscriber {
  match: (e: JournalEvent) => boolean
  handler: EventHandler
}

/** A predicate for a filter (null or empty: every event). */
export function eventMatcher(filter: BusFilter | null | undefined): (e: JournalEvent) => boolean {
  if (!filter) return () => true
  const type = filter.types?.length ? typeMatcher(filter.types) : null
  const { env, runId } = filter
  if (!type && env === undefined && runId === undefined) return () => true
  return (e) => {
    if (type && !type(e.type)) return false
    const p = e.payload as { env?: unknown; runId?: unknown }
    if (env !== undefined && p.env !== env) return false
    return runId === undefined || p.runId === runId
  }
}

export class EventBus {
  private last: number
  private readonly subs = new Set<Subscriber>()
  private readonly onError: (err: unknown, event: JournalEvent) => void

  /** `after`: the sequence already accounted for (usually the store head when the bus starts). */
  constructor(opts: { after?: number; onError?: (err: unknown, event: JournalEvent) => void } = {}) {
    this.last = opts.after ?? 0
    this.onError = opts.onError ?? (() => {})
  }

  /** The last sequence delivered. */
  get lastSeq(): number {
    return this.last
  }

  get subscriberCount(): number {
    return this.subs.size
  }

  subscribe(filter: BusFilter | null, handler: EventHandler): Unsubscribe {
    const sub: Subscriber = { match: eventMatcher(filter), handler }
    this.subs.add(sub)
    return () => void this.subs.delete(sub)
  }

  /**
   * Delivers the events that continue the sequence, skipping those already delivered. Returns false when it
   * stopped at a gap (an event whose predecessor it has not seen), so the caller reads the rest from the store.
   */
  publish(events: readonly JournalEvent[]): boolean {
    for (const e of events) {
      if (e.seq <= this.last) continue
      if (e.seq !== this.last + 1) return false
      this.last = e.seq
      for (const s of this.subs) {
        if (!s.match(e)) continue
        try {
          s.handler(e)
        } catch (err) {
          this.onError(err, e)
        }
      }
    }
    return true
  }
}
