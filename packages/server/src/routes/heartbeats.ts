/**
 * @module Heartbeats: a worker reports in with any valid API token (give workers a viewer token) to a key that a
 * heartbeat probe in rina.yml reads; the server stamps the time. Viewers list every key with its last beat and age.
 */
import { HEARTBEAT_KEY, listHeartbeats, recordHeartbeat } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName, isoTime, releaseId } from '../schemas/common.ts'

const heartbeatSchema = z.strictObject({
  key: z.string(),
  lastBeat: isoTime
    .nullable()
    .describe('Time of the newest beat, stamped by the server; null before the first'),
  ageMs: z.number().int().nullable(),
  count: z.number().int().describe('Beats recorded for the key'),
  from: z.string().nullable().describe('User of the token that sent the newest beat'),
  release: z.string().nullable(),
  detail: z.string().nullable(),
  probes: z
    .array(
      z.strictObject({
        env: envName,
        service: z.string(),
        probe: z.string(),
        staleAfter: z.string(),
        stale: z.boolean(),
      }),
    )
    .describe('The heartbeat probes reading this key; empty when rina.yml no longer has one'),
})

export const heartbeatRoutes = [
  route({
    method: 'POST',
    path: '/api/v1/heartbeats/:key',
    role: 'viewer',
    tag: 'health',
    summary:
      'A worker reports in: records a beat for a heartbeat key configured in rina.yml (any valid token)',
    params: z.strictObject({
      key: z.string().regex(HEARTBEAT_KEY, 'letters, digits, dots, dashes and underscores (at most 100)'),
    }),
    body: z.strictObject({
      release: releaseId.optional().describe('The release the worker runs'),
      detail: z.string().max(500).optional().describe('One line from the worker, e.g. "12 jobs queued"'),
    }),
    response: z.strictObject({
      key: z.string(),
      at: isoTime.describe('The time recorded for this beat (the server clock)'),
      count: z.number().int(),
    }),
    handle: async ({ params, body }, { ctx, caller }) => recordHeartbeat(ctx, params.key, caller.user, body),
  }),
  route({
    method: 'GET',
    path: '/api/v1/heartbeats',
    role: 'viewer',
    tag: 'health',
    summary:
      'Every heartbeat key with its last beat, its age and whether each probe reading it finds it stale',
    response: z.strictObject({ heartbeats: z.array(heartbeatSchema) }),
    handle: async (_, { ctx }) => ({ heartbeats: await listHeartbeats(ctx) }),
  }),
]
