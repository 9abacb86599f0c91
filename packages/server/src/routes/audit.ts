/** @module Audit routes: list journal events, verify the hash chain, and the anchor (newest hash). */
import { auditAnchor, auditLog, auditVerify } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { isoTime, journalEventSchema } from '../schemas/common.ts'

const headSchema = z.strictObject({ seq: z.number().int(), hash: z.string() })

export const auditRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/audit/events',
    role: 'viewer',
    tag: 'audit',
    summary: 'Journal events, oldest first, filtered',
    query: z.strictObject({
      since: z.iso.datetime({ offset: true }).optional().describe('Events at or after this time'),
      types: z.string().optional().describe('Comma-separated event types, * wildcards (freeze.*)'),
      actor: z.string().optional().describe('Actor id, kind (human|agent|system) or kind:id'),
      fromSeq: z.coerce.number().int().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(10_000).default(100).describe('Only the newest N'),
    }),
    response: z.strictObject({ events: z.array(journalEventSchema) }),
    handle: async ({ query }, { ctx }) => ({
      events: await auditLog(ctx, {
        ...(query.since ? { since: new Date(query.since) } : {}),
        ...(query.types ? { types: query.types.split(',').map((t) => t.trim()) } : {}),
        ...(query.actor ? { actor: query.actor } : {}),
        ...(query.fromSeq ? { fromSeq: query.fromSeq } : {}),
        limit: query.limit,
      }),
    }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/audit/verify',
    role: 'viewer',
    tag: 'audit',
    summary: 'Check the hash chain; with an anchor, also detect truncation of the tail',
    query: z.strictObject({
      anchor: z
        .string()
        .regex(/^([0-9]+:)?[0-9a-f]{64}$/, 'an anchor is a hash')
        .optional(),
    }),
    response: z.strictObject({
      ok: z.boolean(),
      verified: z.number().int(),
      head: headSchema,
      break: z.strictObject({ seq: z.number().int(), problem: z.string(), detail: z.string() }).nullable(),
      anchor: z.strictObject({ hash: z.string(), seq: z.number().int().nullable() }).nullable(),
    }),
    handle: async ({ query }, { ctx }) => auditVerify(ctx, { anchor: query.anchor }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/audit/anchor',
    role: 'viewer',
    tag: 'audit',
    summary: 'The newest hash: keep it elsewhere to detect truncation later',
    response: headSchema.extend({ time: isoTime.nullable() }),
    handle: async (_, { ctx }) => auditAnchor(ctx),
  }),
]
