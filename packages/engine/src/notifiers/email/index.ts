/**
 * @module The email notifier: a text and HTML mail over SMTP through nodemailer. The Message-ID comes from the
 * outbox idempotency key, so a redelivered mail is recognisable as the same message.
 */
import nodemailer from 'nodemailer'
import { parseDuration } from '../../domain/duration.ts'
import { redactString } from '../redact.ts'
import { channelSecrets } from '../secrets.ts'
import type { NotifierFactory, SendFailure, SendOutcome } from '../types.ts'
import { type EmailBody, renderEmail } from './render.ts'
import type { emailChannelSchema } from './schema.ts'
import { smtpFailure } from './smtp-outcome.ts'
import type { z } from 'zod'

export type EmailChannelConfig = z.output<typeof emailChannelSchema>

export const messageIdFor = (key: string): string =>
  `<${key.replace(/[^A-Za-z0-9._-]/g, '.')}@rinawarp.deploy>`

export const emailNotifier: NotifierFactory<EmailChannelConfig> = (config) => {
  const configured = parseDuration(config.timeout) ?? 15_000
  const secrets = channelSecrets(config)
  return {
    type: 'email',
    render: renderEmail,
    async send(msg, ctx): Promise<SendOutcome> {
      const timeoutMs = Math.max(1, Math.min(configured, ctx.timeoutMs))
      const mail = msg.body as EmailBody
      const transport = nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        ...(config.user ? { auth: { user: config.user, pass: config.password ?? '' } } : {}),
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
      })
      const stop = AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)])
      let onAbort = () => {}
      const aborted = new Promise<SendFailure>((resolve) => {
        onAbort = () =>
          resolve({
            ok: false,
            retryable: true,
            reason: 'network',
            detail: ctx.signal.aborted
              ? 'aborted before the server answered'
              : `timed out after ${timeoutMs}ms`,
          })
        if (stop.aborted) onAbort()
        else stop.addEventListener('abort', onAbort, { once: true })
      })
      const sent = transport
        .sendMail({
          from: config.from,
          to: config.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: messageIdFor(ctx.idempotencyKey),
          headers: { 'X-Rina-Idempotency-Key': ctx.idempotencyKey },
        })
        .then((): SendOutcome => ({ ok: true }), smtpFailure)
      try {
        const outcome = await Promise.race([sent, aborted])
        return outcome.ok ? outcome : { ...outcome, detail: redactString(outcome.detail, secrets) }
      } finally {
        stop.removeEventListener('abort', onAbort)
        transport.close()
      }
    },
  }
}
