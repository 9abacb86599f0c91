/** @module Config of the `heartbeat` probe: a worker reports in over HTTP or by touching a file. */
import { z } from 'zod'
import { duration, probeCommon } from '../../config/common.ts'

export const heartbeatProbeSchema = z
  .object({
    ...probeCommon,
    type: z.literal('heartbeat'),
    file: z.string().optional().describe('File the worker touches; its mtime is the last beat.'),
    key: z
      .string()
      .optional()
      .describe('Heartbeat key workers POST to /api/v1/heartbeats/<key> on `rina serve`.'),
    staleAfter: duration('The worker is down when its last beat is older than this.').default('60s'),
  })
  .strict()
  .refine((p) => p.file !== undefined || p.key !== undefined, { message: 'set file or key', path: ['file'] })
