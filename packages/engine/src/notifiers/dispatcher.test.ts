/**
 * @module The dispatcher's stages over a memory outbox, a fake clock and a scripted notifier: settle decisions,
 * redaction, timeouts, hooks, lost leases and drain. Real receivers are in delivery.slow.test.ts.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isRinaError } from '../errors.ts'
import { createMemoryOutbox } from '../store/memory/index.ts'
import type { OutboxItem, OutboxStore } from '../store/types.ts'
import { FakeClock } from '../testing/fakes.ts'
import { sampleNotification } from '../testing/notifier.conformance.ts'
import type { DeliveryPolicy } from './backoff.ts'
import { createDispatcher, type DispatcherHooks } from './dispatcher.ts'
import { enqueueNotification } from './outbox-body.ts'
import type { Message, Notification, Notifier, SendContext, SendOutcome } from './types.ts'

const POLICY: DeliveryPolicy = {
  maxAttempts: 3,
  initialBackoffMs: 1_000,
  maxBackoffMs: 8_000,
  timeoutMs: 2_000,
  batchSize: 10,
}
const SECRET = 'sk-live-0123456789abcdefghij'

/** A notifier that answers from a script, one entry per send, and records what it was given. */
function scripted(...script: (SendOutcome | 'throw' | 'ignore-abort')[]) {
  const sent: { msg: Message; ctx: SendContext }[] = []
  const notifier: Notifier = {
    type: 'scripted',
    render: (n: Notification) => ({ body: n, text: n.title }),
    async send(msg, ctx) {
      sent.push({ msg, ctx })
      const next = script.shift() ?? { ok: true }
      if (next === 'throw') throw new Error(`kaboom ${SECRET}`)
      if (next === 'ignore-abort') return new Promise<SendOutcome>(() => {})
      return next
    },
  }
  return { notifier, sent }
}

const fail = (retryable: boolean, extra: Partial<Extract<SendOutcome, { ok: false }>> = {}): SendOutcome => ({
  ok: false,
  retryable,
  reason: retryable ? 'server' : 'client',
  detail: retryable ? 'HTTP 503' : 'HTTP 404',
  ...extra,
})

async function setup(
  notifier: Notifier,
  opts: { hooks?: DispatcherHooks; random?: number; channels?: string[] } = {},
) {
  const clock = new FakeClock()
  const outbox = createMemoryOutbox()
  await enqueueNotification(outbox, sampleNotification(), opts.channels ?? ['ops'], clock.now())
  const dispatcher = createDispatcher({
    outbox,
    channels: { ops: notifier },
    policy: POLICY,
    clock,
    random: () => opts.random ?? 0.5,
    secrets: [SECRET],
    hooks: opts.hooks,
    sleep: async (ms) => clock.advance(ms),
  })
  return { clock, outbox, dispatcher }
}

const only = async (outbox: OutboxStore): Promise<OutboxItem> => (await outbox.list())[0]!

describe('createDispatcher', () => {
  it('delivers a due item with its idempotency key and reports it when the send succeeds', async () => {
    const { notifier, sent } = scripted({ ok: true })
    const delivered: OutboxItem[] = []
    const { outbox, dispatcher } = await setup(notifier, {
      hooks: { onDelivered: (i) => void delivered.push(i) },
    })
    assert.deepEqual(await dispatcher.runOnce(), { claimed: 1, delivered: 1, retried: 0, dead: 0, lost: 0 })
    assert.equal(sent[0]!.ctx.idempotencyKey, 'ntf_000001:ops')
    assert.equal(sent[0]!.ctx.timeoutMs, POLICY.timeoutMs)
    assert.equal((await only(outbox)).status, 'delivered')
    assert.deepEqual(
      delivered.map((i) => [i.id, i.status, i.attempts]),
      [['ntf_000001:ops', 'delivered', 1]],
    )
  })

  it('schedules a retry at a jittered exponential backoff when the failure is retryable', async () => {
    const { notifier } = scripted(fail(true), fail(true))
    const { clock, outbox, dispatcher } = await setup(notifier, { random: 0.5 })
    const t0 = clock.now().getTime()
    assert.deepEqual(await dispatcher.runOnce(), { claimed: 1, delivered: 0, retried: 1, dead: 0, lost: 0 })
    let item = await only(outbox)
    assert.deepEqual(
      [item.status, item.nextAttemptAt - t0, item.lastError],
      ['pending', 500, 'server: HTTP 503'],
    )
    clock.advance(500)
    await dispatcher.runOnce()
    item = await only(outbox)
    assert.equal(item.nextAttemptAt - t0, 500 + 1_000, 'second delay is half of 2 × initialBackoff')
  })

  it('waits at least as long as the receiver asked when it sent Retry-After', async () => {
    const { notifier } = scripted(fail(true, { reason: 'rate-limited', retryAfterMs: 7_000 }))
    const { clock, outbox, dispatcher } = await setup(notifier, { random: 0.1 })
    await dispatcher.runOnce()
    assert.equal((await only(outbox)).nextAttemptAt, clock.now().getTime() + 7_000)
  })

  it('dead-letters at once and reports the error when the failure is not retryable', async () => {
    const { notifier } = scripted(fail(false))
    const dead: [string, string][] = []
    const { outbox, dispatcher } = await setup(notifier, {
      hooks: { onDeadLettered: (i, e) => void dead.push([i.status, e]) },
    })
    assert.deepEqual(await dispatcher.runOnce(), { claimed: 1, delivered: 0, retried: 0, dead: 1, lost: 0 })
    assert.equal((await only(outbox)).status, 'dead')
    assert.deepEqual(dead, [['dead', 'client: HTTP 404']])
  })

  it('dead-letters after maxAttempts when every attempt fails', async () => {
    const { notifier, sent } = scripted(fail(true), fail(true), fail(true), { ok: true })
    const { outbox, dispatcher } = await setup(notifier)
    const r = await dispatcher.drain({ until: Number.MAX_SAFE_INTEGER })
    assert.deepEqual(r, { delivered: 0, retried: 2, dead: 1, lost: 0, pending: 0 })
    assert.equal(sent.length, 3)
    const item = await only(outbox)
    assert.deepEqual(
      [item.status, item.attempts, item.lastError],
      ['dead', 3, 'server: HTTP 503 (gave up after 3 attempts)'],
    )
  })

  it('redacts known secrets and secret-looking facts from the payload and the stored error', async () => {
    const { notifier, sent } = scripted(fail(true, { detail: `receiver said ${SECRET}` }))
    const clock = new FakeClock()
    const outbox = createMemoryOutbox()
    const n = sampleNotification({
      text: `leaked ${SECRET} and password=hunter2hunter2`,
      facts: [{ label: 'API token', value: 'abc123abc123' }],
    })
    await enqueueNotification(outbox, n, ['ops'], clock.now())
    const d = createDispatcher({
      outbox,
      channels: { ops: notifier },
      policy: POLICY,
      clock,
      random: () => 0,
      secrets: [SECRET],
    })
    await d.runOnce()
    const body = JSON.stringify(sent[0]!.msg.body)
    for (const s of [SECRET, 'hunter2hunter2', 'abc123abc123'])
      assert.ok(!body.includes(s), `payload leaks ${s}`)
    assert.equal((await only(outbox)).lastError, 'server: receiver said [REDACTED]')
  })

  it('treats a throwing notifier as a retryable failure without leaking the secret in the error', async () => {
    const { notifier } = scripted('throw')
    const { outbox, dispatcher } = await setup(notifier)
    assert.deepEqual(await dispatcher.runOnce(), { claimed: 1, delivered: 0, retried: 1, dead: 0, lost: 0 })
    assert.equal((await only(outbox)).lastError, 'network: the scripted notifier threw: kaboom [REDACTED]')
  })

  it('gives up on a send that ignores its abort signal when the timeout passes', async () => {
    const { notifier } = scripted('ignore-abort')
    const clock = new FakeClock()
    const outbox = createMemoryOutbox()
    await enqueueNotification(outbox, sampleNotification(), ['ops'], clock.now())
    const policy = { ...POLICY, timeoutMs: 50 }
    const d = createDispatcher({
      outbox,
      channels: { ops: notifier },
      policy,
      clock,
      random: () => 0,
      secrets: [],
    })
    assert.deepEqual(await d.runOnce(), { claimed: 1, delivered: 0, retried: 1, dead: 0, lost: 0 })
    assert.equal((await only(outbox)).lastError, 'network: timed out after 50ms')
  })

  it('dead-letters an item whose channel is no longer configured', async () => {
    const { notifier } = scripted()
    const { outbox, dispatcher } = await setup(notifier, { channels: ['gone'] })
    assert.deepEqual(await dispatcher.runOnce(), { claimed: 1, delivered: 0, retried: 0, dead: 1, lost: 0 })
    assert.equal((await only(outbox)).lastError, 'config: no channel named "gone" is configured')
  })

  it('dead-letters an item whose body cannot be read', async () => {
    const { notifier } = scripted()
    const clock = new FakeClock()
    const outbox = createMemoryOutbox()
    await outbox.enqueue(
      [{ id: 'x', channel: 'ops', idempotencyKey: 'x', body: '{"channel":"ops"' }],
      clock.now().getTime(),
    )
    const d = createDispatcher({
      outbox,
      channels: { ops: notifier },
      policy: POLICY,
      clock,
      random: () => 0,
      secrets: [],
    })
    await d.runOnce()
    assert.deepEqual(
      [(await only(outbox)).status, (await only(outbox)).lastError],
      ['dead', 'config: the outbox body is not JSON'],
    )
  })

  it('settles the item and goes on when a hook throws', async () => {
    const { notifier } = scripted({ ok: true })
    const errors: unknown[] = []
    const hooks = {
      onDelivered: () => {
        throw new Error('journal down')
      },
      onHookError: (e: unknown) => void errors.push(e),
    }
    const { outbox, dispatcher } = await setup(notifier, { hooks })
    await dispatcher.runOnce()
    assert.equal((await only(outbox)).status, 'delivered')
    assert.equal(errors.length, 1)
  })

  it('reports a lost lease and leaves the result of the dispatcher that took the item over', async () => {
    const clock = new FakeClock()
    const outbox = createMemoryOutbox()
    await enqueueNotification(outbox, sampleNotification(), ['ops'], clock.now())
    const make = (notifier: Notifier, hooks: DispatcherHooks) =>
      createDispatcher({
        outbox,
        channels: { ops: notifier },
        policy: POLICY,
        clock,
        random: () => 0,
        secrets: [],
        hooks,
      })
    const other = make(scripted({ ok: true }).notifier, {})
    const lost: [string, string][] = []
    const retried: string[] = []
    // A's send outlasts its lease: meanwhile B claims the item and delivers it; then A's send fails.
    const slow: Notifier = {
      type: 'slow',
      render: (n: Notification) => ({ body: n, text: n.title }),
      async send() {
        clock.advance(POLICY.timeoutMs + 30_001)
        assert.equal((await other.runOnce()).delivered, 1)
        return fail(true)
      },
    }
    const a = make(slow, {
      onLeaseLost: (item, outcome) => void lost.push([item.id, outcome.kind]),
      onRetry: (item) => void retried.push(item.id),
    })
    assert.deepEqual(await a.runOnce(), { claimed: 1, delivered: 0, retried: 0, dead: 0, lost: 1 })
    const item = await only(outbox)
    assert.deepEqual(lost, [[item.id, 'retry']])
    assert.deepEqual(retried, [])
    assert.deepEqual([item.status, item.attempts, item.lastError], ['delivered', 2, null])
  })

  it('refuses a lease that does not outlast the send timeout', () => {
    const make = () =>
      createDispatcher({
        outbox: createMemoryOutbox(),
        channels: {},
        policy: POLICY,
        clock: new FakeClock(),
        random: () => 0,
        secrets: [],
        leaseMs: POLICY.timeoutMs,
      })
    assert.throws(make, (e) => isRinaError(e, 'CONFIG_INVALID'))
  })
})

describe('dispatcher drain', () => {
  it('sleeps until a retry is due and delivers it when the deadline allows', async () => {
    const { notifier, sent } = scripted(fail(true), { ok: true })
    const { clock, outbox, dispatcher } = await setup(notifier, { random: 0.5 })
    const t0 = clock.now().getTime()
    assert.deepEqual(await dispatcher.drain({ until: t0 + 60_000 }), {
      delivered: 1,
      retried: 1,
      dead: 0,
      lost: 0,
      pending: 0,
    })
    assert.equal(sent.length, 2)
    assert.equal(clock.now().getTime() - t0, 500)
    assert.equal((await only(outbox)).status, 'delivered')
  })

  it('returns with the item pending when its retry falls after the deadline', async () => {
    const { notifier, sent } = scripted(fail(true, { retryAfterMs: 120_000 }))
    const { clock, dispatcher } = await setup(notifier)
    const t0 = clock.now().getTime()
    assert.deepEqual(await dispatcher.drain({ until: t0 + 60_000 }), {
      delivered: 0,
      retried: 1,
      dead: 0,
      lost: 0,
      pending: 1,
    })
    assert.equal(sent.length, 1)
    assert.equal(clock.now().getTime(), t0)
  })

  it('stops after the due items when no deadline is given', async () => {
    const { notifier } = scripted(fail(true))
    const { dispatcher } = await setup(notifier)
    assert.deepEqual(await dispatcher.drain(), { delivered: 0, retried: 1, dead: 0, lost: 0, pending: 1 })
  })

  it('stops at once when the signal is aborted', async () => {
    const { notifier, sent } = scripted()
    const { dispatcher } = await setup(notifier)
    assert.deepEqual(await dispatcher.drain({ signal: AbortSignal.abort() }), {
      delivered: 0,
      retried: 0,
      dead: 0,
      lost: 0,
      pending: 1,
    })
    assert.equal(sent.length, 0)
  })
})
