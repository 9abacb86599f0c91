/** @module Config of the `command` probe: passes when the command exits 0. */
import { z } from 'zod'
import { probeCommon } from '../../config/common.ts'

export const commandProbeSchema = z
  .object({
    ...probeCommon,
    type: z.literal('command'),
    run: z
      .string()
      .min(1)
      .describe(
        'Shell command; exit 0 passes. Gets RINA_PROBE, and RINA_RELEASE when a release is expected.',
      ),
    cwd: z.string().optional().describe('Working directory, relative to rina.yml (default: its directory).'),
    env: z.record(z.string(), z.string()).default({}).describe('Extra environment variables.'),
  })
  .strict()
