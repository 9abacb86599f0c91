/**
 * @module A journal for long-running processes (`rina serve`): reads follow the store incrementally instead of
 * folding the whole history on every call. Each read first asks the store for its head (one cheap query, so appends
 * by other processes are seen at once), folds only the new events into the kept state, and answers queries from the
 * decoded events kept in memory (up to `maxEvents`; beyond that queries read the store as Journal does). What it
 * hands out is deep-frozen and shared between callers until the journal moves on, so a caller that tried to change
 * state would fail loudly instead of corrupting everyone's view.
 */
import type { Clock } from '../clock.ts'
import type { JournalEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'
import { emptyState } from '../domain/state.ts'
import { decodeEvent } from '../journal/decode.ts'
import type { EventFilter } from '../journal/journal.ts'
import { Journal, typeMatcher } from '../journal/journal.ts'
import { apply } from '../journal/projection.ts'
import type { JournalStore } from '../store/types.ts'

export class LiveJournal extends Journal {
  private readonly maxEvents: number
  private folded: State = emptyState()
  private events: JournalEvent[] | null = []
  private position = 0
  private snapshot: { seq: number; state: State } | null = null
  private refreshing: Promise<void> = Promise.resolve()

  constructor(
    store: JournalStore,
    clock: Clock,
    secrets: readonly string[] = [],
    opts: { maxEvents?: number } = {},
  ) {
    super(store, clock, secrets)
    this.maxEvents = opts.maxEvents ?? 200_000
  }

  /** Brings the kept state up to the store's head; calls are serialized so each event is folded once. */
  private refresh(): Promise<void> {
    const next = this.refreshing.then(() => this.catchUp())
    this.refreshing = next.catch(() => {})
    return next
  }

  private async catchUp(): Promise<void> {
    const head = await this.store.head()
    if (head.seq < this.position) {
      // The store was replaced or truncated under us: start over rather than answer from stale memory.
      this.folded = emptyState()
      this.events = []
      this.position = 0
      this.snapshot = null
    }
    while (this.position < head.seq) {
      const rows = await this.store.read({ fromSeq: this.position + 1, toSeq: head.seq, limit: 5_000 })
      if (rows.length === 0) break
      for (const row of rows) {
        const e = deepFreeze(decodeEvent(row))
        apply(this.folded, e)
        this.position = e.seq
        if (this.events) {
          this.events.push(e)
          if (this.events.length > this.maxEvents) this.events = null
        }
      }
    }
  }

  override async state(): Promise<State> {
    await this.refresh()
    if (this.snapshot?.seq !== this.position) {
      this.snapshot = { seq: this.position, state: deepFreeze(structuredClone(this.folded)) }
    }
    return this.snapshot.state
  }

  override async all(): Promise<JournalEvent[]> {
    await this.refresh()
    return this.events ? [...this.events] : super.all()
  }

  override async query(f: EventFilter = {}): Promise<JournalEvent[]> {
    await this.refresh()
    const events = this.events
    if (!events) return super.query(f)
    const since = f.since?.getTime()
    const match = f.types?.length ? typeMatcher(f.types) : null
    const from = f.fromSeq ?? 1
    const out: JournalEvent[] = []
    for (let i = Math.max(0, from - (events[0]?.seq ?? 1)); i < events.length; i++) {
      const e = events[i]!
      if (e.seq < from) continue
      if (since !== undefined && Date.parse(e.time) < since) continue
      if (match && !match(e.type)) continue
      if (
        f.actor &&
        e.actor.id !== f.actor &&
        `${e.actor.kind}:${e.actor.id}` !== f.actor &&
        e.actor.kind !== f.actor
      )
        continue
      out.push(e)
    }
    return f.limit !== undefined ? out.slice(-f.limit) : out
  }
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value
  for (const v of Object.values(value)) deepFreeze(v)
  return Object.freeze(value)
}
