/**
 * @module A journal for long-running processes (`rina serve`): reads follow the store incrementally instead of
 * folding the whole history on every call. It starts from the last usable state snapshot (as Journal.state() does)
 * and saves one as it goes (every `snapshotEvery` events folded, and on saveSnapshot() when the server stops), so a
 * restart on a long journal folds only the events since. Each read first asks the store for its head (one cheap
 * query, so appends by other processes are seen at once), folds only the new events into the kept state, and
 * answers queries from the decoded events kept in memory (up to `maxEvents`; beyond that queries read the store as
 * Journal does). Events before the snapshot are read into memory by the first query that needs them. What it hands
 * out is deep-frozen and shared between callers until the journal moves on, so a caller that tried to change state
 * would fail loudly instead of corrupting everyone's view.
 */
import type { Clock } from '../clock.ts'
import type { JournalEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'
import { emptyState } from '../domain/state.ts'
import { decodeEvent } from '../journal/decode.ts'
import type { EventFilter } from '../journal/journal.ts'
import { Journal, typeMatcher } from '../journal/journal.ts'
import { apply } from '../journal/projection.ts'
import { loadStateSnapshot, saveStateSnapshot, SNAPSHOT_EVERY } from '../journal/state-snapshot.ts'
import type { JournalStore, SnapshotStore } from '../store/types.ts'

export interface LiveJournalOptions {
  /** Decoded events kept in memory for queries (default 200,000); past it queries read the store. */
  maxEvents?: number
  /** Where the state snapshot is read at start and saved as events are folded; without it, start folds all. */
  snapshots?: SnapshotStore
  /** Save a snapshot once this many events were folded past the last one (default 1,000). */
  snapshotEvery?: number
}

export class LiveJournal extends Journal {
  private readonly maxEvents: number
  private readonly snapshotStore: SnapshotStore | null
  private readonly saveEvery: number
  private folded: State = emptyState()
  /** Decoded events from seq `eventsFrom` up to `position`, or null once there were more than maxEvents. */
  private events: JournalEvent[] | null = []
  private eventsFrom = 1
  private position = 0
  /** Hash of the event at `position` (null until one was folded here). */
  private positionHash: string | null = null
  /** Seq of the snapshot last loaded or saved; null until the start has looked for one. */
  private savedSeq: number | null = null
  private handedOut: { seq: number; state: State } | null = null
  private queue: Promise<void> = Promise.resolve()

  constructor(
    store: JournalStore,
    clock: Clock,
    secrets: readonly string[] = [],
    opts: LiveJournalOptions = {},
  ) {
    super(store, clock, secrets)
    this.maxEvents = opts.maxEvents ?? 200_000
    this.snapshotStore = opts.snapshots ?? null
    this.saveEvery = opts.snapshotEvery ?? SNAPSHOT_EVERY
  }

  /** Runs `fn` after every step queued before it, so each event is folded once and memory changes one at a time. */
  private serial(fn: () => Promise<void>): Promise<void> {
    const next = this.queue.then(fn)
    this.queue = next.catch(() => {})
    return next
  }

  /** Brings the kept state up to the store's head. */
  private refresh(): Promise<void> {
    return this.serial(() => this.catchUp())
  }

  private async catchUp(): Promise<void> {
    if (this.savedSeq === null) await this.start()
    const head = await this.store.head()
    if (head.seq < this.position) {
      // The store was replaced or truncated under us: start over rather than answer from stale memory.
      this.folded = emptyState()
      this.events = []
      this.eventsFrom = 1
      this.position = 0
      this.positionHash = null
      this.handedOut = null
      await this.start()
    }
    while (this.position < head.seq) {
      const rows = await this.store.read({ fromSeq: this.position + 1, toSeq: head.seq, limit: 5_000 })
      if (rows.length === 0) break
      for (const row of rows) {
        const e = deepFreeze(decodeEvent(row))
        apply(this.folded, e)
        this.position = e.seq
        this.positionHash = row.hash
        if (this.events) {
          this.events.push(e)
          if (this.events.length > this.maxEvents) this.events = null
        }
      }
    }
    if (this.position - (this.savedSeq ?? 0) >= this.saveEvery) await this.save()
  }

  /** Takes the state from the last usable snapshot, if any; the events before it stay in the store until asked. */
  private async start(): Promise<void> {
    this.savedSeq = 0
    if (!this.snapshotStore) return
    const snap = await loadStateSnapshot(this.snapshotStore, this.store)
    if (!snap) return
    this.folded = snap
    this.position = snap.seq
    this.eventsFrom = snap.seq + 1
    this.savedSeq = snap.seq
  }

  private async save(): Promise<void> {
    if (!this.snapshotStore || this.positionHash === null || this.position === this.savedSeq) return
    await saveStateSnapshot(this.snapshotStore, this.folded, this.positionHash)
    this.savedSeq = this.position
  }

  /** Saves the state folded so far when it moved past the last snapshot (e.g. when the server stops). */
  saveSnapshot(): Promise<void> {
    return this.serial(() => this.save())
  }

  /** Reads the events before the snapshot into memory, unless that would pass maxEvents. */
  private async backfill(): Promise<void> {
    if (!this.events || this.eventsFrom <= 1) return
    if (this.position > this.maxEvents) {
      this.events = null
      return
    }
    const older: JournalEvent[] = []
    while (older.length < this.eventsFrom - 1) {
      const rows = await this.store.read({
        fromSeq: older.length + 1,
        toSeq: this.eventsFrom - 1,
        limit: 5_000,
      })
      if (rows.length === 0) break
      for (const row of rows) older.push(deepFreeze(decodeEvent(row)))
    }
    if (older.length !== this.eventsFrom - 1) return
    this.events = older.concat(this.events)
    this.eventsFrom = 1
  }

  /** The kept events (the first has seq `first`) when all from seq `from` on are in memory, else null. */
  private async kept(from: number): Promise<{ events: readonly JournalEvent[]; first: number } | null> {
    await this.refresh()
    if (this.events && from < this.eventsFrom) await this.serial(() => this.backfill())
    return this.events && from >= this.eventsFrom ? { events: this.events, first: this.eventsFrom } : null
  }

  override async state(): Promise<State> {
    await this.refresh()
    if (this.handedOut?.seq !== this.position) {
      this.handedOut = { seq: this.position, state: deepFreeze(structuredClone(this.folded)) }
    }
    return this.handedOut.state
  }

  override async all(): Promise<JournalEvent[]> {
    const kept = await this.kept(1)
    return kept ? [...kept.events] : super.all()
  }

  override async query(f: EventFilter = {}): Promise<JournalEvent[]> {
    const from = f.fromSeq ?? 1
    const kept = await this.kept(from)
    if (!kept) return super.query(f)
    const { events, first } = kept
    const since = f.since?.getTime()
    const match = f.types?.length ? typeMatcher(f.types) : null
    const out: JournalEvent[] = []
    for (let i = Math.max(0, from - first); i < events.length; i++) {
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
