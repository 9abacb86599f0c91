/**
 * @module The journal: the single source of truth. Commands append drafts (redacted here, once); state is a
 * projection of the events. Appends are atomic across processes (the store serializes them).
 */
import type { Clock } from '../clock.ts'
import type { EventDraft, EventType, JournalEvent } from '../domain/events.ts'
import { redact, redactText } from '../domain/redact.ts'
import type { State } from '../domain/state.ts'
import type { JournalStore } from '../store/types.ts'
import { decodeEvent } from './decode.ts'
import { project } from './projection.ts'

export interface EventFilter {
  since?: Date
  types?: string[]
  actor?: string
  fromSeq?: number
  limit?: number
}

export class Journal {
  readonly store: JournalStore
  private readonly clock: Clock
  private readonly secrets: readonly string[]
  /** Called with each batch once it is stored (the bus listens here); must not throw. */
  onAppended?: (events: readonly JournalEvent[]) => void

  constructor(store: JournalStore, clock: Clock, secrets: readonly string[] = []) {
    this.store = store
    this.clock = clock
    this.secrets = secrets
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

  async state(): Promise<State> {
    return project(await this.all())
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
