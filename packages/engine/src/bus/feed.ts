/**
 * @module Feeds the bus from the journal: at once after each append in this process (Journal.onAppended), and from
 * other processes by following the store — PostgreSQL LISTEN/NOTIFY where the store offers it (with a slow poll as
 * a safety net), otherwise by polling the head (~200 ms). Reads are serialized and start after the bus's last
 * sequence, so nothing is dropped or delivered twice.
 */
import type { JournalEvent } from '../domain/events.ts'
import type { Journal } from '../journal/journal.ts'
import { decodeEvent } from '../journal/decode.ts'
import type { EventListener } from '../store/postgres/listen.ts'
import type { JournalStore } from '../store/types.ts'
import type { EventBus } from './event-bus.ts'

/** A store that can tell us about appends by other instances (PostgreSQL). */
export interface ListeningStore {
  listen(onSeq: (seq: number) => void, opts?: { onError?: (err: unknown) => void }): Promise<EventListener>
}

export interface FeedOptions {
  bus: EventBus
  store: { journal: JournalStore } & Partial<ListeningStore>
  /** The journal this process appends through; its appends reach the bus without waiting for a poll. */
  journal?: Journal
  /** Head polling interval without LISTEN (default 200 ms). */
  pollMs?: number
  /** Safety-net polling interval with LISTEN (default 2 s). */
  listenPollMs?: number
  /** Events read per store query while catching up (default 500). */
  batch?: number
  onError?: (err: unknown) => void
}

export interface Feed {
  /** Reads everything after the bus's last sequence now; resolves when the bus has caught up with what it read. */
  sync(): Promise<void>
  /** Whether other instances are heard through LISTEN (else polling). */
  readonly mode: 'listen' | 'poll'
  stop(): Promise<void>
}

export async function startFeed(opts: FeedOptions): Promise<Feed> {
  const { bus, store } = opts
  const batch = opts.batch ?? 500
  const onError = opts.onError ?? (() => {})
  let running: Promise<void> | null = null
  let again = false
  let stopped = false

  const drain = async () => {
    for (;;) {
      const from = bus.lastSeq + 1
      const rows = await store.journal.read({ fromSeq: from, limit: batch })
      if (rows.length === 0) return
      bus.publish(rows.map(decodeEvent))
      if (rows.length < batch || bus.lastSeq < from) return
    }
  }
  const sync = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          await drain()
        } while (again && !stopped)
      } catch (err) {
        onError(err)
      } finally {
        running = null
      }
    })()
    return running
  }

  const hook = (events: readonly JournalEvent[]) => {
    if (!bus.publish(events)) void sync()
  }
  if (opts.journal) opts.journal.onAppended = hook

  let listener: EventListener | null = null
  const listen = async () => {
    if (!store.listen || stopped) return
    try {
      listener = await store.listen((seq) => (seq > bus.lastSeq ? void sync() : undefined), {
        onError: (err) => {
          listener = null
          onError(err)
        },
      })
    } catch (err) {
      onError(err)
    }
  }
  await listen()
  const mode = store.listen ? 'listen' : 'poll'
  const tick = async () => {
    if (mode === 'listen' && !listener) await listen()
    try {
      const head = await store.journal.head()
      if (head.seq > bus.lastSeq) await sync()
    } catch (err) {
      onError(err)
    }
  }
  const timer = setInterval(
    () => void tick(),
    mode === 'listen' ? (opts.listenPollMs ?? 2_000) : (opts.pollMs ?? 200),
  )
  timer.unref()
  await sync()

  return {
    sync,
    mode,
    async stop() {
      stopped = true
      clearInterval(timer)
      if (opts.journal?.onAppended === hook) opts.journal.onAppended = undefined
      await listener?.close()
      await running
    },
  }
}
