/**
 * @module Listens for appended events across instances: every append runs `NOTIFY <channel>, '<last seq>'` in its
 * transaction, so a listener hears about each commit once it is visible and reads the journal from there.
 */
import pg from 'pg'
import { storeError } from './errors.ts'

export interface EventListener {
  /** Stops listening and closes the dedicated connection. */
  close(): Promise<void>
}

export interface ListenOptions {
  url: string
  channel?: string
  /** Called when the listening connection fails; the listener is closed by then and the caller may listen again. */
  onError?: (err: unknown) => void
}

/** Opens a dedicated connection (LISTEN needs one that stays open) and calls onSeq with each notified head seq. */
export async function listen(onSeq: (seq: number) => void, opts: ListenOptions): Promise<EventListener> {
  const channel = opts.channel ?? 'rina_events'
  const client = new pg.Client({ connectionString: opts.url, application_name: 'rina-listen' })
  let closed = false
  client.on('notification', (msg) => {
    if (msg.channel !== channel) return
    const seq = Number(msg.payload)
    if (Number.isSafeInteger(seq)) onSeq(seq)
  })
  client.on('error', (e) => {
    if (closed) return
    closed = true
    client.end().catch(() => {})
    opts.onError?.(storeError(e, opts.url))
  })
  try {
    await client.connect()
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`)
  } catch (e) {
    closed = true
    await client.end().catch(() => {})
    throw storeError(e, opts.url)
  }
  return {
    async close() {
      if (closed) return
      closed = true
      await client.end().catch(() => {})
    },
  }
}
