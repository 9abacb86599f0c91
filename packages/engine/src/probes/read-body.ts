/**
 * @module Reads an HTTP response body as UTF-8 text up to a limit, then cancels the rest, so a probe never
 * buffers a large download it does not need. Throws what the stream throws (an abort, a reset).
 */

/** The largest body a probe reads for its conditions. */
export const MAX_BODY_BYTES = 1024 * 1024

export async function readBodyText(res: Response, limit = MAX_BODY_BYTES): Promise<string> {
  if (res.body === null) return ''
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    while (size < limit) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
    }
  } finally {
    if (size >= limit) await reader.cancel().catch(() => {})
    reader.releaseLock()
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, limit))
}

/** The first characters of a body on one line, for a detail or the recorded values. */
export function excerpt(body: string, max = 200): string {
  const line = body.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
