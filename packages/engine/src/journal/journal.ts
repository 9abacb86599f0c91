/**
 * @module The journal: the single source of truth. Commands append drafts (redacted here, once); state is a
 * projection of the events, folded on from the last state snapshot when the journal has a snapshot store.
 * Appends are atomic across processes (the store serializes them).
 */
import type { Clock } from '../clock.ts'
import type { EventDraft, EventType, JournalEvent } from '../domain/events.ts'
import { redact, redactText } from '../domain/redact.ts'
import type { State } from '../domain/state.ts'
import { emptyState } from '../domain/state.ts'
import type { JournalStore, SnapshotStore } from '../store/types.ts'
import { decodeEvent } from './decode.ts'
import { apply, project } from './projection.ts'
import { loadStateSnapshot, saveStateSnapshot, SNAPSHOT_EVERY } from './state-snapshot.ts'

export interface EventFilter {
  since?: Date
  types?: string[]
  actor?: string
  fromSeq?: number
  limit?: number
}

export interface JournalOptions {
  /** Where state snapshots are read and saved; without it every state() folds the whole journal. */
  snapshots?: SnapshotStore
  /** Save a snapshot once a read folded more than this many events past the last one (default 1,000). */
  snapshotEvery?: number
}

export class Journal {
  readonly store: JournalStore
  private readonly clock: Clock
  private readonly secrets: readonly string[]
  private readonly snapshots: SnapshotStore | null
  private readonly snapshotEvery: number
  /** Called with each batch once it is stored (the bus listens here); must not throw. */
  onAppended?: (events: readonly JournalEvent[]) => void

  constructor(store: JournalStore, clock: Clock, secrets: readonly string[] = [], opts: JournalOptions = {}) {
    this.store = store
    this.clock = clock
    this.secrets = secrets
    this.snapshots = opts.snapshots ?? null
    this.snapshotEvery = opts.snapshotEvery ?? SNAPSHOT_EVERY
  }

  async append(drafts: readonly EventDraft[], opts: { expectedSeq?: number } = {}): Promise<JournalEvent[]> {
    const clean = drafts.map((d) => ({
      ...d,
      reason: d.reason === null ? null : redactText(d.reason, this.secrets),
      payload: redact(d.payload, this.secrets),
    }))
    const sealed = await this.store.append(clean, { ...opts, time: this.clock.now().toISOString() })
    const events = sealed.map(decodeEvent)
    this.onAppended?.(events)
    return events
  }

  async appendOne<T extends EventType>(
    draft: EventDraft<T>,
    opts: { expectedSeq?: number } = {},
  ): Promise<JournalEvent<T>> {
    const [e] = await this.append([draft], opts)
    return e as JournalEvent<T>
  }

  /** Every event, in order. */
  async all(): Promise<JournalEvent[]> {
    const out: JournalEvent[] = []
    for await (const batch of this.store.scan(1)) for (const e of batch) out.push(decodeEvent(e))
    return out
  }

  /** The projected state: from the last usable snapshot (if any) on, saving a new one after a long fold. */
  async state(): Promise<State> {
    if (!this.snapshots) return project(await this.all())
    const s = (await loadStateSnapshot(this.snapshots, this.store)) ?? emptyState()
    const from = s.seq
    let lastHash: string | null = null
    for await (const batch of this.store.scan(from + 1)) {
      for (const row of batch) {
        apply(s, decodeEvent(row))
        lastHash = row.hash
      }
    }
    if (lastHash !== null && s.seq - from > this.snapshotEvery)
      await saveStateSnapshot(this.snapshots, s, lastHash)
    return s
  }

  async query(f: EventFilter = {}): Promise<JournalEvent[]> {
    const since = f.since?.getTime()
    const match = f.types?.length ? typeMatcher(f.types) : null
    const out: JournalEvent[] = []
    for await (const batch of this.store.scan(f.fromSeq ?? 1)) {
      for (const s of batch) {
        if (since !== undefined && Date.parse(s.time) < since) continue
        if (match && !match(s.type)) continue
        if (
          f.actor &&
          s.actorId !== f.actor &&
          `${s.actorKind}:${s.actorId}` !== f.actor &&
          s.actorKind !== f.actor
        )
          continue
        out.push(decodeEvent(s))
      }
    }
    return f.limit !== undefined ? out.slice(-f.limit) : out
  }
}

/** "freeze.*" style patterns. */
export function typeMatcher(patterns: readonly string[]): (type: string) => boolean {
  const res = patterns.map((p) => new RegExp(`^${p.split('*').map(escape).join('.*')}$`))
  return (t) => res.some((r) => r.test(t))
}

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
