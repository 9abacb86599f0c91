/** @module Server-sent event frames from a text stream (the event stream is read with fetch, not EventSource). */

export interface SseFrame {
  event: string
  id: string | null
  data: string
}

/** Splits streamed text into frames; push() each chunk as it arrives, frames come out of onFrame. */
export function sseParser(onFrame: (f: SseFrame) => void): { push(chunk: string): void } {
  let buffer = ''
  return {
    push(chunk) {
      buffer += chunk.replace(/\r\n?/g, '\n')
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const frame: SseFrame = { event: 'message', id: null, data: '' }
        const data: string[] = []
        for (const line of block.split('\n')) {
          if (line === '' || line.startsWith(':')) continue
          const i = line.indexOf(':')
          const field = i < 0 ? line : line.slice(0, i)
          const value = i < 0 ? '' : line.slice(i + 1).replace(/^ /, '')
          if (field === 'event') frame.event = value
          else if (field === 'id') frame.id = value
          else if (field === 'data') data.push(value)
        }
        frame.data = data.join('\n')
        if (data.length > 0) onFrame(frame)
      }
    },
  }
}
