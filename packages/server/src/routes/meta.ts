/** @module Unauthenticated liveness for load balancers and `rina serve` checks; it says nothing about state. */
import { z } from 'zod'
import { route } from '../route.ts'

export const VERSION = '0.1.0'

export const metaRoutes = [
  route({
    method: 'GET',
    path: '/api/health',
    role: 'viewer',
    auth: false,
    tag: 'meta',
    summary: 'Liveness (no token needed)',
    response: z.strictObject({ ok: z.literal(true), version: z.string() }),
    handle: async () => ({ ok: true as const, version: VERSION }),
  }),
]
