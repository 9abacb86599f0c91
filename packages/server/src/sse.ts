/**
 * @module One server-sent events stream: frames are queued on a byte-counted ReadableStream; a client that falls
 * too far behind is disconnected (it resumes with Last-Event-ID, losing nothing) instead of growing memory.
 */
import type { JournalEvent } from '@rinawarp/engine'

export interface EventStream {
  readonly response: Response
  readonly closed: boolean
  send(frame: Uint8Array): void
  close(): void
}

const encoder = new TextEncoder()
const frames = new WeakMap<JournalEvent, Uint8Array>()

/** The frame of a journal event, encoded once however many clients receive it. */
export function journalFrame(e: JournalEvent): Uint8Array {
  let f = frames.get(e)
  if (!f) {
    f = encoder.encode(`id: ${e.seq}\nevent: journal\ndata: ${JSON.stringify(e)}\n\n`)
    frames.set(e, f)
  }
  return f
}

export const namedFrame = (event: string, data: unknown): Uint8Array =>
  encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)

export function openEventStream(opts: {
  signal: AbortSignal
  onClose: () => void
  /** Queued bytes beyond which a slow client is disconnected (default 16 MiB). */
  maxQueuedBytes?: number
}): EventStream {
  const max = opts.maxQueuedBytes ?? 16 * 1024 * 1024
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null
  let closed = false
  const finish = () => {
    if (closed) return
    closed = true
    opts.signal.removeEventListener('abort', finish)
    opts.onClose()
  }
  const body = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c
        c.enqueue(encoder.encode('retry: 2000\n\n'))
      },
      cancel: finish,
    },
    new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
  )
  opts.signal.addEventListener('abort', finish)
  const close = () => {
    if (closed) return
    finish()
    try {
      controller?.close()
    } catch {
      // already closed by the reader
    }
  }
  return {
    response: new Response(body, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    }),
    get closed() {
      return closed
    },
    send(frame) {
      if (closed || !controller) return
      if ((controller.desiredSize ?? 0) < -max) return close()
      controller.enqueue(frame)
    },
    close,
  }
}
