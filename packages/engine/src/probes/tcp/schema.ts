/** @module Config of the `tcp` probe. */
import { z } from 'zod'
import { probeCommon } from '../../config/common.ts'

export const tcpProbeSchema = z
  .object({
    ...probeCommon,
    type: z.literal('tcp'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
  })
  .strict()
