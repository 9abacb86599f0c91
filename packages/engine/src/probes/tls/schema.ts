/** @module Config of the `tls` probe: days until the certificate expires. */
import { z } from 'zod'
import { probeCommon } from '../../config/common.ts'

export const tlsProbeSchema = z
  .object({
    ...probeCommon,
    type: z.literal('tls'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535).default(443),
    servername: z
      .string()
      .optional()
      .describe(
        'Name sent in SNI and checked against the certificate (default: host, unless it is an IP address).',
      ),
    minDays: z.number().int().min(0).default(14).describe('Fail when fewer days remain.'),
    allowUnauthorized: z
      .boolean()
      .default(false)
      .describe(
        'Pass a certificate that does not verify (self-signed, unknown issuer, other host name); the error is still reported.',
      ),
  })
  .strict()
