/** @module Freeze routes: status, enable and disable (deployer and up; a person with a reason). */
import { disableFreeze, enableFreeze, freezeStatus, resolveEnvs } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName, reasonText } from '../schemas/common.ts'
import { freezeStatusSchema } from '../schemas/state.ts'

const which = {
  env: envName.optional().describe('Environment (default: production)'),
  all: z.boolean().optional().describe('Every environment'),
}
const changeSchema = z.strictObject({
  env: z.string(),
  changed: z.boolean(),
  seq: z.number().int().nullable(),
})

export const freezeRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/freeze',
    role: 'viewer',
    tag: 'freeze',
    summary: 'Who froze, when, why and until when; active and next freeze windows',
    query: z.strictObject({ env: envName.optional() }),
    response: z.strictObject({ environments: z.array(freezeStatusSchema) }),
    handle: async ({ query }, { ctx }) => ({
      environments: await freezeStatus(
        ctx,
        query.env ? resolveEnvs(ctx.config, query) : Object.keys(ctx.config.environments),
      ),
    }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/freeze/enable',
    role: 'deployer',
    tag: 'freeze',
    summary: 'Freeze an environment: no deploy is accepted until it is lifted',
    body: z.strictObject({
      ...which,
      reason: reasonText,
      until: z.string().min(1).optional().describe('A duration (2h, 30m) or an ISO time'),
    }),
    response: z.strictObject({ frozen: z.array(changeSchema) }),
    handle: async ({ body }, { ctx }) => ({
      frozen: await enableFreeze(ctx, {
        envs: resolveEnvs(ctx.config, body),
        reason: body.reason,
        until: body.until,
      }),
    }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/freeze/disable',
    role: 'deployer',
    tag: 'freeze',
    summary: 'Lift a freeze (a person, with a reason)',
    body: z.strictObject({ ...which, reason: reasonText }),
    response: z.strictObject({ unfrozen: z.array(changeSchema) }),
    handle: async ({ body }, { ctx }) => ({
      unfrozen: await disableFreeze(ctx, { envs: resolveEnvs(ctx.config, body), reason: body.reason }),
    }),
  }),
]
