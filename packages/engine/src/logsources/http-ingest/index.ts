/**
 * @module The `http-ingest` log source: `handle` answers one HTTP request (Web Request → Response, so any server
 * can mount it) and pushes the lines it carries into a bounded queue that `open` reads. Senders are told 429
 * when the queue has no room for their batch: they retry, and nothing here ever waits on a reader.
 */
import { systemClock } from '../../clock.ts'
import { createBoundedQueue } from '../queue.ts'
import type { LogLine, LogSource, LogSourceFactory } from '../types.ts'
import { bearerMatches } from './bearer.ts'
import { linesOf, readLimited } from './body.ts'
import type { HttpIngestLogSourceConfig } from './schema.ts'

export interface HttpIngestSource extends LogSource {
  handle(req: Request): Promise<Response>
}

const reply = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers })

export const httpIngestLogSource: LogSourceFactory<HttpIngestLogSourceConfig> = (
  config,
  deps,
): HttpIngestSource => {
  const capacity = deps.queueCapacity ?? 10_000
  const queue = createBoundedQueue<LogLine>({ capacity })
  const now = deps.now ?? systemClock.now
  let seq = 0

  return {
    type: 'http-ingest',
    load: () => queue.load(),
    async handle(req) {
      if (req.method !== 'POST') return reply(405, { error: 'use POST' }, { allow: 'POST' })
      if (!bearerMatches(req.headers.get('authorization'), config.token)) {
        return reply(401, { error: 'missing or wrong bearer token' }, { 'www-authenticate': 'Bearer' })
      }
      const body = await readLimited(req, config.maxBodyBytes)
      if (!body.ok) return reply(body.error.status, { error: body.error.detail })
      const lines = linesOf(req.headers.get('content-type'), body.value)
      if (!lines.ok) return reply(lines.error.status, { error: lines.error.detail })
      const batch = lines.value
      if (batch.length > capacity) {
        return reply(413, { error: `batch of ${batch.length} lines is larger than the queue (${capacity})` })
      }
      if (batch.length > queue.room()) {
        return reply(
          429,
          { error: 'queue full, retry later', queued: queue.load().queued },
          { 'retry-after': '1' },
        )
      }
      const receivedAt = now()
      for (const text of batch) {
        queue.push({ text, source: deps.name, receivedAt, cursor: { kind: 'seq', seq: ++seq } })
      }
      return reply(202, { accepted: batch.length })
    },
    async *open(from, ctx) {
      const after = from?.kind === 'seq' ? from.seq : 0
      for await (const line of queue.items(ctx.signal)) {
        if (line.cursor.kind === 'seq' && line.cursor.seq <= after) continue
        yield line
      }
    },
  }
}
