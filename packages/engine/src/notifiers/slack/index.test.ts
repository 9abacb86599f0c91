/** @module The Slack notifier runs the notifier conformance suite against a real local receiver. */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startHttpReceiver, type HttpReceiver } from '../../testing/http-receiver.ts'
import {
  httpSubject,
  runNotifierConformance,
  sampleNotification,
} from '../../testing/notifier.conformance.ts'
import { slackNotifier } from './index.ts'
import { slackChannelSchema } from './schema.ts'

const TOKEN = 'XyZsEcReTtOkEn0123456789'
const config = (base: string) =>
  slackChannelSchema.parse({ type: 'slack', webhookUrl: `${base}/services/T0A1/B0B2/${TOKEN}` })

runNotifierConformance({
  name: 'slack',
  create: (mode) =>
    httpSubject(mode, (base) => ({ notifier: slackNotifier(config(base), {}), secrets: [TOKEN] })),
})

describe('slackNotifier', () => {
  let rx: HttpReceiver
  before(async () => (rx = await startHttpReceiver()))
  after(() => rx.close())

  it('posts the Block Kit JSON to the webhook path when sending', async () => {
    const notifier = slackNotifier(config(rx.url), {})
    const msg = notifier.render(sampleNotification())
    const ctx = {
      signal: new AbortController().signal,
      idempotencyKey: 'k',
      timeoutMs: 5_000,
      now: () => new Date(),
    }
    assert.deepEqual(await notifier.send(msg, ctx), { ok: true })
    const [req] = await rx.waitForRequests(1)
    assert.equal(req!.method, 'POST')
    assert.equal(req!.path, `/services/T0A1/B0B2/${TOKEN}`)
    assert.equal(req!.headers['content-type'], 'application/json')
    assert.deepEqual(JSON.parse(req!.body), msg.body)
  })
})
