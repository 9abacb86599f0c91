/** @module Metrics routes: Prometheus text for scrapers, and the same figures as JSON for the dashboard. */
import { z } from 'zod'
import { route } from '../route.ts'
import { isoTime } from '../schemas/common.ts'

export const metricsSnapshotSchema = z.strictObject({
  at: isoTime,
  journal: z.strictObject({ seq: z.number().int() }),
  deploys: z.strictObject({
    running: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    interrupted: z.number().int(),
    lastDurationMs: z.number().nullable(),
  }),
  incidents: z.number().int(),
  outbox: z.strictObject({ pending: z.number().int(), dead: z.number().int() }),
  streams: z.number().int(),
  http: z.strictObject({ requests: z.number().int() }),
})

export const metricsRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/metrics',
    role: 'viewer',
    tag: 'metrics',
    summary: 'Deploys, incidents, outbox depth, journal size and open streams, as JSON',
    response: metricsSnapshotSchema,
    handle: async (_, { services }) => services.metrics.snapshot(services.clock.now()),
  }),
  route({
    method: 'GET',
    path: '/metrics',
    role: 'viewer',
    tag: 'metrics',
    summary: 'Prometheus exposition of the same metrics, plus process metrics (scrape with a bearer token)',
    contentType: 'text/plain',
    response: z.string(),
    handle: async (_, { services }) =>
      new Response(await services.metrics.registry.metrics(), {
        headers: { 'content-type': services.metrics.registry.contentType },
      }),
  }),
]
