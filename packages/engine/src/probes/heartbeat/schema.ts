/** @module Config of the `heartbeat` probe: a worker reports in over HTTP or by touching a file. */
import { z } from 'zod'
import { duration, probeCommon } from '../../config/common.ts'

/** A heartbeat key is one URL path segment: letters, digits, dots, dashes and underscores. */
export const HEARTBEAT_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

export const heartbeatProbeSchema = z
  .object({
    ...probeCommon,
    type: z.literal('heartbeat'),
    file: z.string().optional().describe('File the worker touches; its mtime is the last beat.'),
    key: z
      .string()
      .regex(
        HEARTBEAT_KEY,
        'use letters, digits, dots, dashes and underscores (at most 100), starting with a letter or digit',
      )
      .optional()
      .describe(
        'Heartbeat key: the worker reports in with POST /api/v1/heartbeats/<key> to `rina serve` (any API token; a viewer token is enough).',
      ),
    staleAfter: duration('The worker is down when its last beat is older than this.').default('60s'),
  })
  .strict()
  .refine((p) => p.file !== undefined || p.key !== undefined, { message: 'set file or key', path: ['file'] })
  .describe(
    'A worker reports in: by touching a file, or over HTTP to `rina serve`, which keeps the last beat per key in the store, so `rina health-check` and the health gates of `rina deploy` see it from any process. With both set, the newer beat counts. See docs/api.md for the worker side.',
  )
