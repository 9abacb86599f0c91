/** @module Schema pieces shared by the config and adapter schemas. */
import { z } from 'zod'
import { DURATION_PATTERN } from '../domain/duration.ts'

export const duration = (describe: string) =>
  z
    .string()
    .regex(DURATION_PATTERN, 'expected a duration such as 500ms, 10s, 5m, 2h or 1d')
    .describe(describe)

export const probeCommon = {
  name: z.string().min(1).describe('Probe name, unique within its service.'),
  timeout: duration('How long one attempt may take.').default('5s'),
  retries: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(0)
    .describe('Extra attempts before a failure is recorded.'),
  interval: duration('How often `rina serve` runs it (minimum 1s).').default('10s'),
}
