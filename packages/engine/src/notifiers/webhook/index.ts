/**
 * @module The generic webhook notifier: POSTs the notification as JSON, signed with HMAC-SHA256 and carrying
 * the outbox idempotency key, so receivers can check the sender and drop a redelivery.
 */
import { parseDuration } from '../../domain/duration.ts'
import { postJson } from '../http-post.ts'
import { channelSecrets } from '../secrets.ts'
import type { NotifierFactory } from '../types.ts'
import type { webhookChannelSchema } from './schema.ts'
import { SIGNATURE_HEADER, signatureHeader, TIMESTAMP_HEADER } from './signature.ts'
import type { z } from 'zod'

export { verifyWebhookSignature, type SignatureCheck } from './signature.ts'

export type WebhookChannelConfig = z.output<typeof webhookChannelSchema>

export const webhookNotifier: NotifierFactory<WebhookChannelConfig> = (config) => {
  const timeoutMs = parseDuration(config.timeout) ?? 10_000
  const secrets = channelSecrets(config)
  return {
    type: 'webhook',
    render: (n) => ({
      body: { ...n, facts: n.facts.map((f) => ({ ...f })) },
      text: `[${n.severity}]${n.env ? ` ${n.env}:` : ''} ${n.title}`,
    }),
    send(msg, ctx) {
      const body = JSON.stringify(msg.body)
      const timestamp = Math.floor(ctx.now().getTime() / 1000)
      const headers = {
        ...config.headers,
        'user-agent': 'rinawarp-deploy',
        'Idempotency-Key': ctx.idempotencyKey,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signatureHeader(body, timestamp, config.secret),
      }
      return postJson({ url: config.url, body, headers, timeoutMs, secrets }, ctx)
    },
  }
}
