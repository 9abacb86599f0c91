/**
 * @module Probe samples: the health agent's recent checks (time, ok, latency) per service and probe, for the
 * dashboard's live latency and error charts.
 */
import { resolveEnvs } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName } from '../schemas/common.ts'

const MAX_SAMPLES = 5_000

const sampleSchema = z.strictObject({
  env: z.string(),
  service: z.string(),
  probe: z.string(),
  at: z.number().int().describe('Epoch milliseconds'),
  ok: z.boolean(),
  latencyMs: z.number(),
})

export const sampleRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/health/samples',
    role: 'viewer',
    tag: 'health',
    summary: "The health agent's probe samples of the last minutes (newest 5,000 at most), oldest first",
    query: z.strictObject({
      env: envName.optional().describe('Default: every environment'),
      service: z.string().min(1).max(100).optional(),
      minutes: z.coerce.number().int().min(1).max(1440).default(30),
    }),
    response: z.strictObject({ samples: z.array(sampleSchema) }),
    handle: async ({ query }, { ctx }) => {
      const envs = query.env
        ? resolveEnvs(ctx.config, { env: query.env })
        : Object.keys(ctx.config.environments)
      const to = ctx.clock.now().getTime() + 1
      const from = to - query.minutes * 60_000
      const all = await Promise.all(
        envs.map((env) =>
          ctx.store.probes.samples({ env, from, to, ...(query.service ? { service: query.service } : {}) }),
        ),
      )
      return {
        samples: all
          .flat()
          .sort((a, b) => a.at - b.at)
          .slice(-MAX_SAMPLES),
      }
    },
  }),
]
