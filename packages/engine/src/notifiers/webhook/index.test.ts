/** @module The webhook notifier runs the conformance suite and signs what it sends so a receiver can verify it. */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver.ts'
import {
  httpSubject,
  runNotifierConformance,
  sampleNotification,
} from '../../testing/notifier.conformance.ts'
import { verifyWebhookSignature, webhookNotifier } from './index.ts'
import { webhookChannelSchema } from './schema.ts'

const SECRET = 'whsec_0123456789abcdefSECRET'
const config = (url: string, headers: Record<string, string> = {}) =>
  webhookChannelSchema.parse({ type: 'webhook', url, secret: SECRET, headers })

runNotifierConformance({
  name: 'webhook',
  create: (mode) =>
    httpSubject(mode, (base) => ({
      notifier: webhookNotifier(
        config(`${base}/hooks/rina`, { Authorization: 'Bearer tok_abcdefghijklmnop' }),
        {},
      ),
      secrets: [SECRET, 'tok_abcdefghijklmnop'],
    })),
})

describe('webhookNotifier', () => {
  let rx: HttpReceiver
  before(async () => (rx = await startHttpReceiver()))
  after(() => rx.close())

  it('posts the notification JSON with a verifiable signature and the idempotency key when sending', async () => {
    const now = new Date('2026-01-05T10:00:00.000Z')
    const notifier = webhookNotifier(config(`${rx.url}/hooks/rina`, { 'X-Team': 'ops' }), {})
    const n = sampleNotification()
    const ctx = {
      signal: new AbortController().signal,
      idempotencyKey: 'ntf_000001:hook',
      timeoutMs: 5_000,
      now: () => now,
    }
    assert.deepEqual(await notifier.send(notifier.render(n), ctx), { ok: true })
    const [req] = await rx.waitForRequests(1)
    assert.deepEqual(JSON.parse(req!.body), n)
    assert.equal(req!.headers['idempotency-key'], 'ntf_000001:hook')
    assert.equal(req!.headers['x-rina-timestamp'], String(now.getTime() / 1000))
    assert.equal(req!.headers['x-team'], 'ops')
    const header = String(req!.headers['x-rina-signature'])
    assert.match(header, /^t=\d+,v1=[0-9a-f]{64}$/)
    assert.deepEqual(verifyWebhookSignature(req!.body, header, SECRET, now, 300), {
      ok: true,
      timestamp: now.getTime() / 1000,
    })
  })
})
