/** @module The email notifier runs the conformance suite against a real local SMTP server, and maps SMTP replies. */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  runNotifierConformance,
  sampleNotification,
  type ReceiverMode,
} from '../../testing/notifier.conformance.ts'
import { closedPort } from '../../testing/http-receiver.ts'
import { startSmtpReceiver, type SmtpReceiver, type SmtpReply } from '../../testing/smtp-receiver.ts'
import { emailNotifier, messageIdFor } from './index.ts'
import { emailChannelSchema } from './schema.ts'
import { smtpFailure } from './smtp-outcome.ts'

const PASSWORD = 'smtp-Pa55word-0123456789'
const config = (port: number, password = PASSWORD) =>
  emailChannelSchema.parse({
    type: 'email',
    host: '127.0.0.1',
    port,
    user: 'rina',
    password,
    from: 'rina@example.com',
    to: ['ops@example.com', 'oncall@example.com'],
  })

const replies: Record<ReceiverMode, SmtpReply> = {
  up: 'accept',
  down: 'accept',
  rejecting: { code: 550, message: `mailbox unavailable (you sent ${PASSWORD})` },
  flaky: { code: 451, message: 'try again later' },
  hanging: 'hang',
}

runNotifierConformance({
  name: 'email',
  async create(mode) {
    const smtp = await startSmtpReceiver({ user: 'rina', password: PASSWORD })
    smtp.setReply(replies[mode])
    const port = mode === 'down' ? await closedPort() : smtp.port
    return {
      notifier: emailNotifier(config(port), {}),
      secrets: [PASSWORD],
      received: () => smtp.mails.length,
      close: smtp.close,
    }
  },
})

describe('emailNotifier', () => {
  let smtp: SmtpReceiver
  before(async () => (smtp = await startSmtpReceiver({ user: 'rina', password: PASSWORD })))
  after(() => smtp.close())
  const ctx = {
    signal: new AbortController().signal,
    idempotencyKey: 'ntf_000001:mail',
    timeoutMs: 5_000,
    now: () => new Date(),
  }

  it('delivers a text and HTML mail with a Message-ID from the idempotency key when the server accepts', async () => {
    const notifier = emailNotifier(config(smtp.port), {})
    assert.deepEqual(await notifier.send(notifier.render(sampleNotification()), ctx), { ok: true })
    const mail = smtp.mails.at(-1)!
    assert.deepEqual([mail.from, mail.to], ['rina@example.com', ['ops@example.com', 'oncall@example.com']])
    assert.match(mail.raw, /Subject: \[CRITICAL\] production: Deploy of api 1\.4\.2 to production failed/)
    assert.ok(mail.raw.includes(`Message-ID: ${messageIdFor('ntf_000001:mail')}`))
    assert.match(mail.raw, /X-Rina-Idempotency-Key: ntf_000001:mail/)
    assert.match(mail.raw, /Content-Type: text\/plain/)
    assert.match(mail.raw, /Content-Type: text\/html/)
  })

  it('gives a permanent config outcome without the password when the login is refused', async () => {
    const notifier = emailNotifier(config(smtp.port, 'wrong-password-123456'), {})
    const outcome = await notifier.send(notifier.render(sampleNotification()), ctx)
    assert.equal(outcome.ok, false)
    assert.deepEqual(outcome.ok ? null : [outcome.retryable, outcome.reason], [false, 'config'])
    assert.ok(!JSON.stringify(outcome).includes('wrong-password-123456'))
  })
})

describe('smtpFailure', () => {
  const scenarios: { name: string; err: unknown; want: [boolean, string] }[] = [
    {
      name: 'retries a temporary 4xx reply',
      err: { code: 'EMESSAGE', responseCode: 451, response: '451 later' },
      want: [true, 'server'],
    },
    {
      name: 'gives up on a permanent 5xx reply',
      err: { code: 'EMESSAGE', responseCode: 550, response: '550 no' },
      want: [false, 'client'],
    },
    {
      name: 'gives up on a refused login',
      err: { code: 'EAUTH', responseCode: 535, response: '535 bad' },
      want: [false, 'config'],
    },
    {
      name: 'gives up when no recipient is accepted',
      err: { code: 'EENVELOPE', message: 'No recipients' },
      want: [false, 'client'],
    },
    {
      name: 'retries a refused connection',
      err: { code: 'ESOCKET', message: 'connect ECONNREFUSED' },
      want: [true, 'network'],
    },
    {
      name: 'retries a greeting timeout',
      err: { code: 'ETIMEDOUT', message: 'Greeting never received' },
      want: [true, 'network'],
    },
    { name: 'retries an unknown error', err: new Error('boom'), want: [true, 'network'] },
  ]
  for (const s of scenarios) {
    it(`${s.name} when mapping an SMTP error`, () => {
      const o = smtpFailure(s.err)
      assert.deepEqual([o.retryable, o.reason], s.want)
    })
  }
})
