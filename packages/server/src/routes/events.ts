/**
 * @module GET /api/v1/events: server-sent events of journal events (replayed after `since` or Last-Event-ID, then
 * live, in order, once; `id:` is the sequence) and periodic `metrics` frames. A `live` frame marks the end of the
 * replay. Filters: types, env, runId (follow one deploy with the link its 202 answer gives).
 */
import type { Following } from '@rinawarp/engine'
import { RinaError, followJournal } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName, journalEventSchema } from '../schemas/common.ts'
import { journalFrame, namedFrame, openEventStream } from '../sse.ts'

function lastEventId(request: Request): number | undefined {
  const raw = request.headers.get('last-event-id')
  if (raw === null || raw === '') return undefined
  if (/^\d{1,15}$/.test(raw)) return Number(raw)
  throw new RinaError({
    code: 'USAGE',
    message: 'the request is not valid',
    hint: 'Last-Event-ID is the sequence of the last event received',
    details: [{ in: 'header', path: 'Last-Event-ID', message: 'expected a sequence number' }],
  })
}

export const eventRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/events',
    role: 'viewer',
    tag: 'events',
    summary: 'Server-sent events: journal events (event: journal, id: seq) and live metrics (event: metrics)',
    contentType: 'text/event-stream',
    query: z.strictObject({
      since: z.coerce.number().int().min(0).optional().describe('Replay events after this sequence first'),
      types: z.string().optional().describe('Comma-separated event types, * wildcards'),
      env: envName.optional(),
      runId: z.string().min(1).max(100).optional(),
    }),
    response: journalEventSchema,
    handle: async ({ query }, { ctx, services, request }) => {
      const after = lastEventId(request) ?? query.since
      let following: Following | null = null
      const stream = openEventStream({
        signal: request.signal,
        onClose: () => {
          following?.stop()
          services.streams.delete(stream)
          services.metrics.streamClosed()
        },
      })
      services.streams.add(stream)
      services.metrics.streamOpened()
      following = followJournal({
        bus: services.bus,
        journal: ctx.store.journal,
        after,
        filter: { types: query.types?.split(',').map((t) => t.trim()), env: query.env, runId: query.runId },
        onEvent: (e) => stream.send(journalFrame(e)),
      })
      const { ready } = following
      ready.then(
        () => stream.send(namedFrame('live', { seq: following?.position })),
        () => stream.close(),
      )
      return stream.response
    },
  }),
]
