/**
 * @module Durable delivery end to end: a SQLite outbox, the dispatcher and real local receivers (HTTP and SMTP)
 * that fail, hang, rate-limit and recover. Time between attempts is the injected clock's: drain sleeps by moving it.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, afterEach, beforeEach, describe, it } from 'node:test'
import { createSqliteStore } from '../store/sqlite/index.ts'
import type { OutboxItem, Store } from '../store/types.ts'
import { countingIds, FakeClock } from '../testing/fakes.ts'
import { startHttpReceiver, type HttpReceiver, type ReceivedRequest } from '../testing/http-receiver.ts'
import { sampleNotification } from '../testing/notifier.conformance.ts'
import { startSmtpReceiver } from '../testing/smtp-receiver.ts'
import type { DeliveryPolicy } from './backoff.ts'
import { createDispatcher } from './dispatcher.ts'
import { emailNotifier } from './email/index.ts'
import { emailChannelSchema } from './email/schema.ts'
import { enqueueNotification } from './outbox-body.ts'
import type { Notifier } from './types.ts'
import { verifyWebhookSignature, webhookNotifier } from './webhook/index.ts'
import { webhookChannelSchema } from './webhook/schema.ts'

const SECRET = 'whsec_integration_0123456789'
const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123'
const POLICY: DeliveryPolicy = {
  maxAttempts: 3,
  initialBackoffMs: 2_000,
  maxBackoffMs: 60_000,
  timeoutMs: 2_000,
  batchSize: 8,
}
const HOUR = 3_600_000

const dir = mkdtempSync(join(tmpdir(), 'rina-delivery-'))
after(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

interface Rig {
  store: Store
  clock: FakeClock
  rx: HttpReceiver
  delivered: OutboxItem[]
  dead: [OutboxItem, string][]
  dispatcher: ReturnType<typeof createDispatcher>
}

async function rig(channels: (rx: HttpReceiver) => Record<string, Notifier>, random = 0.5): Promise<Rig> {
  const store = createSqliteStore({
    path: join(dir, `state-${++n}.db`),
    ids: countingIds('evt').ids,
    synchronous: 'normal',
  })
  const clock = new FakeClock()
  const rx = await startHttpReceiver()
  const delivered: OutboxItem[] = []
  const dead: [OutboxItem, string][] = []
  const dispatcher = createDispatcher({
    outbox: store.outbox,
    channels: channels(rx),
    policy: POLICY,
    clock,
    random: () => random,
    secrets: [SECRET, TOKEN],
    hooks: { onDelivered: (i) => void delivered.push(i), onDeadLettered: (i, e) => void dead.push([i, e]) },
    sleep: async (ms) => clock.advance(ms),
  })
  return { store, clock, rx, delivered, dead, dispatcher }
}

const hook = (rx: HttpReceiver) => ({
  hook: webhookNotifier(
    webhookChannelSchema.parse({ type: 'webhook', url: `${rx.url}/rina`, secret: SECRET }),
    {},
  ),
})
const keys = (reqs: readonly ReceivedRequest[]) => reqs.map((r) => r.headers['idempotency-key'])
const sentAt = (r: ReceivedRequest) => Number(r.headers['x-rina-timestamp'])

describe('delivery through the outbox to real receivers', () => {
  let r: Rig
  beforeEach(async () => (r = await rig(hook)))
  afterEach(async () => {
    await r.rx.close()
    await r.store.close()
  })

  it('delivers once the receiver recovers when it first fails with 500', async () => {
    r.rx.script({ status: 500, body: 'boom' }, { status: 500, body: 'boom' })
    const n = sampleNotification({ text: `use ${TOKEN} to log in` })
    await enqueueNotification(r.store.outbox, n, ['hook'], r.clock.now())
    const res = await r.dispatcher.drain({ until: r.clock.now().getTime() + HOUR })
    assert.deepEqual(res, { delivered: 1, retried: 2, dead: 0, lost: 0, pending: 0 })
    assert.deepEqual(keys(r.rx.requests), ['ntf_000001:hook', 'ntf_000001:hook', 'ntf_000001:hook'])
    for (const req of r.rx.requests) {
      const check = verifyWebhookSignature(
        req.body,
        String(req.headers['x-rina-signature']),
        SECRET,
        sentAt(req) * 1000,
      )
      assert.equal(check.ok, true)
      assert.ok(!req.body.includes(TOKEN), 'the payload carries no secret')
    }
    const item = (await r.store.outbox.get('ntf_000001:hook'))!
    assert.deepEqual([item.status, item.attempts, item.lastError], ['delivered', 3, null])
    assert.deepEqual(
      r.delivered.map((i) => i.id),
      ['ntf_000001:hook'],
    )
  })

  it('retries and delivers when the receiver first never answers', async () => {
    r.rx.script('hang')
    await enqueueNotification(r.store.outbox, sampleNotification(), ['hook'], r.clock.now())
    const first = await r.dispatcher.runOnce()
    assert.deepEqual(first, { claimed: 1, delivered: 0, retried: 1, dead: 0, lost: 0 })
    assert.equal((await r.store.outbox.get('ntf_000001:hook'))!.lastError, 'network: timed out after 2000ms')
    const res = await r.dispatcher.drain({ until: r.clock.now().getTime() + HOUR })
    assert.deepEqual(res, { delivered: 1, retried: 0, dead: 0, lost: 0, pending: 0 })
    assert.deepEqual(keys(r.rx.requests), ['ntf_000001:hook', 'ntf_000001:hook'])
  })

  it('waits at least Retry-After on the injected clock when the receiver answers 429', async () => {
    await r.rx.close()
    r = await rig(hook, 0)
    r.rx.script({ status: 429, headers: { 'retry-after': '30' }, body: 'slow down' })
    await enqueueNotification(r.store.outbox, sampleNotification(), ['hook'], r.clock.now())
    const t0 = r.clock.now().getTime()
    const res = await r.dispatcher.drain({ until: t0 + HOUR })
    assert.deepEqual(res, { delivered: 1, retried: 1, dead: 0, lost: 0, pending: 0 })
    const [a, b] = r.rx.requests
    assert.ok(sentAt(b!) - sentAt(a!) >= 30, `second attempt ${sentAt(b!) - sentAt(a!)}s after the first`)
    assert.ok(r.clock.now().getTime() - t0 >= 30_000)
  })

  it('dead-letters after maxAttempts and delivers once requeued when the receiver keeps failing', async () => {
    r.rx.setDefault({ status: 503, body: 'unavailable' })
    await enqueueNotification(r.store.outbox, sampleNotification(), ['hook'], r.clock.now())
    const res = await r.dispatcher.drain({ until: r.clock.now().getTime() + HOUR })
    assert.deepEqual(res, { delivered: 0, retried: 2, dead: 1, lost: 0, pending: 0 })
    assert.equal(r.rx.requests.length, POLICY.maxAttempts)
    assert.deepEqual(
      r.dead.map(([i, e]) => [i.id, i.status, e]),
      [['ntf_000001:hook', 'dead', 'server: HTTP 503: unavailable (gave up after 3 attempts)']],
    )
    r.rx.setDefault({ status: 200 })
    assert.deepEqual(await r.store.outbox.requeueDead(null, r.clock.now().getTime()), ['ntf_000001:hook'])
    assert.deepEqual(await r.dispatcher.drain(), { delivered: 1, retried: 0, dead: 0, lost: 0, pending: 0 })
    assert.deepEqual(new Set(keys(r.rx.requests)), new Set(['ntf_000001:hook']))
    assert.equal(r.rx.requests.length, POLICY.maxAttempts + 1)
  })

  it('dead-letters at once when the receiver rejects the request with 400', async () => {
    r.rx.script('echo')
    await enqueueNotification(r.store.outbox, sampleNotification(), ['hook'], r.clock.now())
    assert.deepEqual(await r.dispatcher.drain({ until: r.clock.now().getTime() + HOUR }), {
      delivered: 0,
      retried: 0,
      dead: 1,
      lost: 0,
      pending: 0,
    })
    const item = (await r.store.outbox.get('ntf_000001:hook'))!
    assert.match(item.lastError ?? '', /^client: HTTP 400: rejected POST \/rina/)
  })
})

describe('email delivery through the outbox', () => {
  it('delivers to a real SMTP server after a temporary 451 refusal', async () => {
    const smtp = await startSmtpReceiver({ user: 'rina', password: 'smtp-secret-password' })
    const mail = emailNotifier(
      emailChannelSchema.parse({
        type: 'email',
        host: smtp.host,
        port: smtp.port,
        user: 'rina',
        password: 'smtp-secret-password',
        from: 'rina@example.com',
        to: ['ops@example.com'],
      }),
      {},
    )
    const r = await rig(() => ({ mail }))
    try {
      smtp.setReply({ code: 451, message: 'greylisted, try again' })
      await enqueueNotification(r.store.outbox, sampleNotification(), ['mail'], r.clock.now())
      assert.deepEqual(await r.dispatcher.runOnce(), {
        claimed: 1,
        delivered: 0,
        retried: 1,
        dead: 0,
        lost: 0,
      })
      assert.match((await r.store.outbox.get('ntf_000001:mail'))!.lastError ?? '', /^server: SMTP 451/)
      smtp.setReply('accept')
      const res = await r.dispatcher.drain({ until: r.clock.now().getTime() + HOUR })
      assert.deepEqual(res, { delivered: 1, retried: 0, dead: 0, lost: 0, pending: 0 })
      assert.equal(smtp.mails.length, 1)
      assert.match(smtp.mails[0]!.raw, /Message-ID: <ntf_000001.mail@rinawarp.deploy>/)
    } finally {
      await r.rx.close()
      await r.store.close()
      await smtp.close()
    }
  })
})
