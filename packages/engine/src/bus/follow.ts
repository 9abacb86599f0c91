/**
 * @module Follows the journal from a point: replays what is stored after `after`, then continues with live events
 * from the bus, with no gap and no event twice (for SSE clients resuming with Last-Event-ID, and for agents).
 */
import type { JournalEvent } from '../domain/events.ts'
import { decodeEvent } from '../journal/decode.ts'
import type { JournalStore } from '../store/types.ts'
import type { BusFilter, EventBus } from './event-bus.ts'
import { eventMatcher } from './event-bus.ts'

export interface FollowOptions {
  bus: EventBus
  journal: JournalStore
  /** Deliver events with a greater sequence (0: from the start). Default: the bus's position, i.e. live only. */
  after?: number | undefined
  filter?: BusFilter | null
  onEvent: (event: JournalEvent) => void
  /** Events read per store query while replaying (default 500). */
  batch?: number
}

export interface Following {
  /** Resolves once the replay is done and live events flow (rejects when the store read fails). */
  readonly ready: Promise<void>
  /** The last sequence considered (delivered or filtered out). */
  readonly position: number
  stop(): void
}

export function followJournal(opts: FollowOptions): Following {
  const match = eventMatcher(opts.filter)
  const batch = opts.batch ?? 500
  let seen = opts.after ?? opts.bus.lastSeq
  let live = false
  let stopped = false
  const waiting: JournalEvent[] = []
  const emit = (e: JournalEvent) => {
    if (stopped || e.seq <= seen) return
    seen = e.seq
    if (match(e)) opts.onEvent(e)
  }
  // Subscribe before reading, so whatever is appended during the replay waits here instead of being missed.
  const unsubscribe = opts.bus.subscribe(null, (e) => (live ? emit(e) : waiting.push(e)))
  const replayUntil = opts.bus.lastSeq
  const ready = (async () => {
    while (!stopped && seen < replayUntil) {
      const rows = await opts.journal.read({ fromSeq: seen + 1, toSeq: replayUntil, limit: batch })
      if (rows.length === 0) break
      for (const r of rows) emit(decodeEvent(r))
    }
    for (const e of waiting) emit(e)
    waiting.length = 0
    live = true
  })()
  ready.catch(() => unsubscribe())
  return {
    ready,
    get position() {
      return seen
    },
    stop() {
      stopped = true
      unsubscribe()
    },
  }
}
