/** @module Health routes: the history of checks and gates, and a check of every probe now (journaled). */
import { auditLog, healthCheck, resolveEnvs } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName, isoTime, journalEventSchema } from '../schemas/common.ts'

const probeResult = z.strictObject({
  service: z.string(),
  probe: z.string(),
  type: z.string(),
  at: isoTime,
  attempts: z.number().int(),
  ok: z.boolean(),
  latencyMs: z.number(),
  detail: z.string(),
  values: z.record(z.string(), z.unknown()).optional(),
})

export const healthRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/health/history',
    role: 'viewer',
    tag: 'health',
    summary: 'Health checks, deploy gates and soaks, oldest first (health.* events)',
    query: z.strictObject({
      env: envName.optional(),
      limit: z.coerce.number().int().min(1).max(10_000).default(100),
    }),
    response: z.strictObject({ events: z.array(journalEventSchema) }),
    handle: async ({ query }, { ctx }) => {
      const events = await auditLog(ctx, { types: ['health.*'] })
      const mine = query.env ? events.filter((e) => (e.payload as { env: string }).env === query.env) : events
      return { events: mine.slice(-query.limit) }
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/health/check',
    role: 'deployer',
    tag: 'health',
    summary: 'Run every probe now (one environment, or all); the result is journaled',
    body: z.strictObject({ env: envName.optional() }),
    response: z.strictObject({
      environments: z.array(
        z.strictObject({
          env: z.string(),
          release: z.string().nullable(),
          healthy: z.boolean(),
          results: z.array(probeResult),
        }),
      ),
    }),
    handle: async ({ body }, { ctx, request }) => ({
      environments: await healthCheck(
        ctx,
        body.env ? resolveEnvs(ctx.config, body) : Object.keys(ctx.config.environments),
        request.signal,
      ),
    }),
  }),
]
