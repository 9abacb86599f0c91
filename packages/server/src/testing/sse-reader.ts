/** @module Reads server-sent event frames from a response body (tests and the benchmark's clients). */

export interface SseFrame {
  event: string
  id: string | null
  data: string
}

/** Splits a text stream into SSE frames; call push() with each chunk, frames come out of onFrame. */
export function sseParser(onFrame: (f: SseFrame) => void): { push(chunk: string): void } {
  let buffer = ''
  return {
    push(chunk) {
      buffer += chunk
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const f: SseFrame = { event: 'message', id: null, data: '' }
        const data: string[] = []
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue
          const i = line.indexOf(':')
          const [field, value] = i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1).replace(/^ /, '')]
          if (field === 'event') f.event = value
          else if (field === 'id') f.id = value
          else if (field === 'data') data.push(value)
        }
        if (data.length) f.data = data.join('\n')
        if (data.length || f.id !== null) onFrame(f)
      }
    },
  }
}

/** Collects frames from a fetch Response body until stopped; `next(pred)` waits for a matching frame. */
export function readFrames(res: Response) {
  const frames: SseFrame[] = []
  let wake: () => void = () => {}
  const parser = sseParser((f) => {
    frames.push(f)
    wake()
  })
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  const done = (async () => {
    for (;;) {
      const { value, done: end } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (end) break
      parser.push(decoder.decode(value, { stream: true }))
    }
    wake()
  })()
  return {
    frames,
    done,
    /** Waits for the frames to satisfy `pred` (the test's own timeout bounds the wait). */
    async until(pred: (all: SseFrame[]) => boolean): Promise<SseFrame[]> {
      // Unref'd server timers (metrics frames) must not let the loop end while a test waits for them.
      const keepAlive = setInterval(() => {}, 1_000)
      try {
        while (!pred(frames)) await new Promise<void>((r) => (wake = r))
        return frames
      } finally {
        clearInterval(keepAlive)
      }
    },
    stop: () => reader.cancel().catch(() => {}),
  }
}
