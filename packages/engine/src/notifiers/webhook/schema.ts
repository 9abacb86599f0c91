/** @module Config of the generic webhook notifier (JSON, HMAC-SHA256 signed). */
import { z } from 'zod'

export const webhookChannelSchema = z
  .object({
    type: z.literal('webhook'),
    url: z.string().url().describe('Receiver URL.'),
    secret: z.string().min(16).describe('Shared secret for the X-Rina-Signature HMAC; use ${ENV_VAR}.'),
    headers: z.record(z.string(), z.string()).default({}).describe('Extra request headers.'),
    timeout: z.string().default('10s').describe('Request timeout (duration).'),
  })
  .strict()
  .describe(
    'POSTs JSON; X-Rina-Timestamp carries the send time and X-Rina-Signature is "t=<timestamp>,v1=<hex HMAC-SHA256 of `<timestamp>.<body>`>".',
  )
