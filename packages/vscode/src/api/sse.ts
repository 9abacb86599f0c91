/**
 * @module Reads server-sent events from a fetch response body (EventSource cannot send an Authorization
 * header): yields each frame's event name, id and data until the stream ends or the signal aborts.
 */

export interface SseFrame {
  event: string
  id: string | null
  data: string
}

export async function* readSse(res: Response): AsyncGenerator<SseFrame> {
  if (!res.body) return
  const decoder = new TextDecoder()
  let buffer = ''
  const reader = res.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n')
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = parseFrame(buffer.slice(0, end))
        buffer = buffer.slice(end + 2)
        if (frame) yield frame
      }
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e
  } finally {
    reader.releaseLock()
  }
}

export function parseFrame(block: string): SseFrame | null {
  let event = 'message'
  let id: string | null = null
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') event = value
    else if (field === 'id') id = value
    else if (field === 'data') data.push(value)
  }
  return data.length === 0 && event === 'message' ? null : { event, id, data: data.join('\n') }
}
