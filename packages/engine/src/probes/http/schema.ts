/** @module Config of the `http` probe. */
import { z } from 'zod'
import { duration, probeCommon } from '../../config/common.ts'

export const httpProbeSchema = z
  .object({
    ...probeCommon,
    type: z.literal('http'),
    url: z.string().url().describe('URL to request.'),
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET'),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().optional().describe('Request body.'),
    expect: z
      .object({
        status: z
          .union([z.number().int(), z.array(z.number().int())])
          .default(200)
          .describe('Expected status code(s).'),
        bodyContains: z.string().optional(),
        bodyMatches: z.string().optional().describe('Regular expression the body must match.'),
        json: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('JSON path → expected value, e.g. { "$.status": "ok" }.'),
        maxLatency: duration('Slower answers fail.').optional(),
      })
      .strict()
      .default({ status: 200 }),
  })
  .strict()
