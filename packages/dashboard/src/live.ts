/**
 * @module The live connection: GET /api/v1/events read with fetch (EventSource cannot send the bearer token),
 * journal events and metrics frames handed on in order; after a drop it reconnects with Last-Event-ID and so
 * misses nothing. An unauthorized answer stops it (the token was revoked).
 */
import type { Api } from './api.ts'
import type { JournalEvent, MetricsSnapshot } from './types.ts'
import { sseParser } from './sse.ts'

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'unauthorized'

export interface LiveHandlers {
  onEvent(e: JournalEvent): void
  onMetrics?(m: MetricsSnapshot): void
  onState(s: LiveState): void
}

export interface Live {
  stop(): void
}

export function connectLive(api: Api, since: number, handlers: LiveHandlers, retryMs = 2_000): Live {
  const stop = new AbortController()
  let last = since
  const run = async (): Promise<void> => {
    let first = true
    while (!stop.signal.aborted) {
      handlers.onState(first ? 'connecting' : 'reconnecting')
      first = false
      try {
        const res = await api.stream(
          `/api/v1/events?since=${last}`,
          { accept: 'text/event-stream', 'last-event-id': String(last) },
          stop.signal,
        )
        if (res.status === 401) return handlers.onState('unauthorized')
        if (res.ok && res.body) {
          const parser = sseParser((f) => {
            if (f.event === 'live') handlers.onState('live')
            else if (f.event === 'metrics') handlers.onMetrics?.(JSON.parse(f.data) as MetricsSnapshot)
            else if (f.event === 'journal') {
              const e = JSON.parse(f.data) as JournalEvent
              if (e.seq <= last) return
              last = e.seq
              handlers.onEvent(e)
            }
          })
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
          for (;;) {
            const { value, done } = await reader.read()
            if (done) break
            parser.push(value)
          }
        }
      } catch {
        // dropped: reconnect below
      }
      if (stop.signal.aborted) return
      await new Promise((r) => setTimeout(r, retryMs))
    }
  }
  void run()
  return { stop: () => stop.abort() }
}
