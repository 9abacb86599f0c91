/** @module Status routes: every environment's releases, freeze, lock, recent runs and health; one environment. */
import { resolveEnvs, status } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName } from '../schemas/common.ts'
import { envStatusSchema } from '../schemas/state.ts'

export const statusRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/status',
    role: 'viewer',
    tag: 'status',
    summary: "Each environment's current and previous release, freeze, lock, recent runs and last health",
    query: z.strictObject({ runs: z.coerce.number().int().min(0).max(100).default(3) }),
    response: z.strictObject({ environments: z.array(envStatusSchema) }),
    handle: async ({ query }, { ctx }) => ({ environments: await status(ctx, { runs: query.runs }) }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/environments/:env',
    role: 'viewer',
    tag: 'status',
    summary: 'One environment: releases, freeze, lock, recent runs and last health',
    params: z.strictObject({ env: envName }),
    response: envStatusSchema,
    handle: async ({ params }, { ctx }) => {
      const [env] = resolveEnvs(ctx.config, { env: params.env })
      return (await status(ctx)).find((s) => s.env === env)!
    },
  }),
]
