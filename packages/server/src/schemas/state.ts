/** @module Schemas of projected state: freeze, runs, releases, approvals, environment status. */
import { z } from 'zod'
import { actorSchema, isoTime, probeSummarySchema } from './common.ts'

const windowSpan = z.strictObject({
  name: z.string(),
  start: isoTime,
  end: isoTime,
  reason: z.string().nullable(),
})

export const freezeStatusSchema = z.strictObject({
  env: z.string(),
  frozen: z.boolean(),
  manual: z
    .strictObject({
      env: z.string(),
      by: actorSchema,
      reason: z.string(),
      since: isoTime,
      until: isoTime.nullable(),
      seq: z.number().int(),
    })
    .nullable(),
  activeWindows: z.array(windowSpan),
  nextWindow: windowSpan.nullable(),
  lastUnfreeze: z
    .strictObject({ env: z.string(), by: actorSchema, reason: z.string(), at: isoTime, expired: z.boolean() })
    .nullable(),
})

const runStatus = z.enum(['running', 'succeeded', 'failed', 'interrupted'])
const runKind = z.enum(['deploy', 'rollback'])

export const runSummarySchema = z.strictObject({
  id: z.string(),
  release: z.string(),
  kind: runKind,
  status: runStatus,
  actor: actorSchema,
  startedAt: isoTime,
  endedAt: isoTime.nullable(),
  reason: z.string().nullable(),
})

export const runStateSchema = runSummarySchema.extend({
  env: z.string(),
  holder: z.string(),
  services: z.array(z.strictObject({ service: z.string(), previous: z.string().nullable() })),
  planned: z.array(z.string()),
  completedSteps: z.array(z.string()),
  failedStep: z.string().nullable(),
  confirmation: z.string(),
})

export const envStatusSchema = z.strictObject({
  env: z.string(),
  current: z.string().nullable(),
  previous: z.string().nullable(),
  freeze: freezeStatusSchema,
  lock: z.strictObject({ holder: z.string(), since: isoTime }).nullable(),
  runs: z.array(runSummarySchema),
  health: z
    .strictObject({
      at: isoTime,
      healthy: z.boolean(),
      probes: z.array(probeSummarySchema),
      source: z.string(),
    })
    .nullable(),
})

export const approvalSchema = z.strictObject({
  by: actorSchema,
  reason: z.string(),
  at: isoTime,
  seq: z.number(),
})

export const releaseStateSchema = z.strictObject({
  id: z.string(),
  commit: z.string().nullable(),
  branch: z.string().nullable(),
  subject: z.string().nullable(),
  registeredBy: actorSchema,
  registeredAt: isoTime,
  preflight: z
    .strictObject({
      env: z.string(),
      decision: z.string(),
      score: z.number().nullable(),
      summary: z.string(),
      acceptedRisk: z.boolean(),
      seq: z.number().int(),
    })
    .nullable(),
  validatedIn: z.array(z.string()),
  approvals: z.record(z.string(), z.array(approvalSchema)),
})
