/** @module The `preflight` section of rina.yml: decision thresholds, per-rule settings and allowlists. */
import { z } from 'zod'
import { SEVERITIES } from './types.ts'

export const preflightConfigSchema = z
  .object({
    thresholds: z
      .object({
        caution: z
          .number()
          .int()
          .min(0)
          .max(100)
          .default(30)
          .describe('Score from which the decision is caution.'),
        noGo: z
          .number()
          .int()
          .min(1)
          .max(100)
          .default(70)
          .describe('Score from which the decision is no-go.'),
      })
      .strict()
      .refine((t) => t.caution < t.noGo, { message: 'caution must be below noGo', path: ['caution'] })
      .default({ caution: 30, noGo: 70 }),
    rules: z
      .record(
        z.string().regex(/^[a-z-]+\/[a-z0-9-]+$/, 'expected a rule id such as secrets/provider-token'),
        z
          .object({
            enabled: z.boolean().default(true).describe('Run the rule.'),
            severity: z.enum(SEVERITIES).optional().describe('Override the severity of its findings.'),
          })
          .strict(),
      )
      .default({})
      .describe('Per-rule settings keyed by rule id.'),
    allow: z
      .object({
        paths: z
          .array(z.string())
          .default([])
          .describe('Glob patterns of files no rule reports on (e.g. "test/fixtures/**").'),
        values: z
          .array(z.string())
          .default([])
          .describe('Matched values (e.g. a known test key) that are never reported.'),
      })
      .strict()
      .default({ paths: [], values: [] }),
    historyMonths: z
      .number()
      .int()
      .min(1)
      .max(60)
      .default(6)
      .describe('How far back churn and fix commits are counted.'),
  })
  .strict()

export type PreflightConfig = z.infer<typeof preflightConfigSchema>

export const defaultPreflightConfig: PreflightConfig = preflightConfigSchema.parse({})
