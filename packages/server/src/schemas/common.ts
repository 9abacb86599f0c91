/** @module Schemas shared by several resources: actors, journal events, probe summaries, errors. */
import { z } from 'zod'

export const isoTime = z.string().describe('ISO-8601 time (UTC)')

export const actorSchema = z.strictObject({
  kind: z.enum(['human', 'agent', 'system']),
  id: z.string(),
})

export const journalEventSchema = z
  .strictObject({
    seq: z.number().int(),
    id: z.string(),
    time: isoTime,
    type: z.string(),
    actor: actorSchema,
    reason: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    hash: z.string(),
  })
  .describe('One journal event, as stored (secrets redacted)')

export const probeSummarySchema = z.strictObject({
  service: z.string(),
  probe: z.string(),
  type: z.string(),
  passes: z.number().int(),
  failures: z.number().int(),
  lastOk: z.boolean(),
  lastDetail: z.string(),
  latencyMs: z.strictObject({ p50: z.number(), max: z.number() }),
})

export const errorSchema = z
  .strictObject({
    error: z.strictObject({
      code: z.string().describe('A RinaError code, e.g. NOT_FOUND, GATE_DENIED, USAGE'),
      message: z.string(),
      hint: z.string().nullable(),
      details: z.unknown().describe('Field errors (400), gate reasons (403/409), or null'),
    }),
  })
  .describe('Every failure answers with this body')

/** Environment name as rina.yml spells it. */
export const envName = z.string().min(1).max(40)
export const reasonText = z.string().trim().min(3, 'give a reason (at least 3 characters)').max(2000)
export const releaseId = z.string().min(1).max(200)
