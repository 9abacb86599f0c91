/**
 * @module Reading an ingest request: the body up to a byte limit (counted as it streams, whatever
 * Content-Length says), then its lines by media type: text/plain one line per line, NDJSON one JSON value per
 * line, a JSON array (strings or objects) one line per element. Objects travel as JSON lines.
 */
import type { Result } from '../../result.ts'
import { err, ok } from '../../result.ts'

export type BodyProblem = { status: 400 | 413 | 415; detail: string }

export async function readLimited(req: Request, maxBytes: number): Promise<Result<Uint8Array, BodyProblem>> {
  const declared = Number(req.headers.get('content-length') ?? NaN)
  const tooLarge = err<BodyProblem>({ status: 413, detail: `body larger than ${maxBytes} bytes` })
  if (declared > maxBytes) return tooLarge
  if (req.body === null) return ok(new Uint8Array(0))
  const reader = req.body.getReader()
  const parts: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => {})
      return tooLarge
    }
    parts.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.byteLength
  }
  return ok(out)
}

const NDJSON = new Set([
  'application/x-ndjson',
  'application/ndjson',
  'application/jsonl',
  'application/x-jsonlines',
])

const textLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    .filter((l) => l.trim() !== '')

const asLine = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v))

/** The log lines a body carries, or why it cannot be read. */
export function linesOf(contentType: string | null, body: Uint8Array): Result<string[], BodyProblem> {
  const type = (contentType ?? 'text/plain').split(';', 1)[0]!.trim().toLowerCase()
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return err({ status: 400, detail: 'body is not valid UTF-8' })
  }
  if (type === 'text/plain') return ok(textLines(text))
  if (NDJSON.has(type)) {
    const lines = textLines(text)
    for (const [i, l] of lines.entries()) {
      try {
        JSON.parse(l)
      } catch {
        return err({ status: 400, detail: `line ${i + 1} is not JSON` })
      }
    }
    return ok(lines)
  }
  if (type === 'application/json') {
    let v: unknown
    try {
      v = JSON.parse(text)
    } catch {
      return err({ status: 400, detail: 'body is not JSON' })
    }
    return ok((Array.isArray(v) ? v : [v]).filter((x) => x !== null && x !== '').map(asLine))
  }
  return err({
    status: 415,
    detail: `unsupported content type ${type}: send text/plain, application/x-ndjson or application/json`,
  })
}
