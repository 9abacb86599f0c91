/**
 * @module The notifier conformance suite every notifier runs: render is pure and deterministic; a working
 * receiver gets the message; a receiver that is down, slow, failing or rejecting gives the right outcome, never a
 * throw; and the configured secret never appears in a rendered message, an outcome detail or an error (after
 * Alertmanager's AssertNotifyLeaksNoSecret).
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Message, Notification, Notifier, SendContext, SendOutcome } from '../notifiers/types.ts'
import { closedPort, type Reply, startHttpReceiver } from './http-receiver.ts'

/**
 * The receiver a subject is aimed at: `up` accepts; `down` has nothing listening; `rejecting` refuses for good
 * and repeats what it received in its answer; `flaky` fails temporarily; `hanging` never answers.
 */
export type ReceiverMode = 'up' | 'down' | 'rejecting' | 'flaky' | 'hanging'

export interface NotifierSubject {
  notifier: Notifier
  /** Configured secret values (webhook secret, URL token, SMTP password) that must never leak. */
  secrets: readonly string[]
  /** How many messages the receiver has accepted so far. */
  received(): number
  close(): Promise<void>
}

export interface NotifierSuiteOptions {
  name: string
  create(mode: ReceiverMode): Promise<NotifierSubject>
  /** Cases this notifier does not run, by title, each with its reason; `'*'` skips the whole suite. */
  skip?: Readonly<Record<string, string>>
}

/** A notification with every field set; tests derive variants from it. */
export const sampleNotification = (over: Partial<Notification> = {}): Notification => ({
  id: 'ntf_000001',
  title: 'Deploy of api 1.4.2 to production failed',
  text: 'Health check /healthz returned 503 three times after the switch.\nThe previous release is still on disk.',
  severity: 'critical',
  env: 'production',
  facts: [
    { label: 'Release', value: 'api@1.4.2' },
    { label: 'Service', value: 'api' },
  ],
  nextAction: 'rina rollback production --to 1.4.1',
  url: 'https://rina.example.com/runs/42',
  time: '2026-01-05T10:00:00.000Z',
  actor: 'ana@example.com',
  ...over,
})

export const SHORT_TIMEOUT_MS = 300

const deepFreeze = <T>(v: T): T => {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x)
    Object.freeze(v)
  }
  return v
}

export function assertNoSecret(value: unknown, secrets: readonly string[], where: string): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  for (const s of secrets) {
    assert.ok(!text.includes(s), `${where} leaks a configured secret`)
    assert.ok(!text.includes(encodeURIComponent(s)), `${where} leaks a configured secret (URL-encoded)`)
  }
}

function context(signal: AbortSignal = new AbortController().signal): SendContext {
  return {
    signal,
    idempotencyKey: 'ntf_000001:ops',
    timeoutMs: SHORT_TIMEOUT_MS,
    now: () => new Date('2026-01-05T10:00:00Z'),
  }
}

/** Sends and checks the result is a value: a throw fails the case, and must not carry a secret either. */
async function safeSend(s: NotifierSubject, msg: Message, ctx = context()): Promise<SendOutcome> {
  try {
    const outcome = await s.notifier.send(msg, ctx)
    assertNoSecret(outcome, s.secrets, 'the outcome')
    return outcome
  } catch (e) {
    assertNoSecret(String(e instanceof Error ? `${e.message}\n${e.stack}` : e), s.secrets, 'a thrown error')
    throw new assert.AssertionError({ message: `send threw instead of returning an outcome: ${String(e)}` })
  }
}

export function runNotifierConformance(opts: NotifierSuiteOptions): void {
  const skip = opts.skip ?? {}
  const test = (title: string, mode: ReceiverMode, body: (s: NotifierSubject) => Promise<void>) =>
    it(title, { skip: skip[title] ?? false }, async () => {
      const subject = await opts.create(mode)
      try {
        await body(subject)
      } finally {
        await subject.close()
      }
    })

  describe(`notifier conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('renders the same plain-data message when rendering twice', 'up', async ({ notifier }) => {
      const n = deepFreeze(sampleNotification())
      const a = notifier.render(n)
      assert.deepEqual(notifier.render(n), a)
      assert.deepEqual(JSON.parse(JSON.stringify(a)), a, 'the message must be plain JSON data')
      assert.ok(a.text.includes(n.title), 'the plain text names the title')
    })

    test(
      'renders every severity and a notification with only required fields',
      'up',
      async ({ notifier }) => {
        for (const severity of ['info', 'warning', 'critical'] as const) {
          const m = notifier.render(
            sampleNotification({ severity, env: null, facts: [], nextAction: null, url: null }),
          )
          assert.equal(typeof m.text, 'string')
        }
      },
    )

    test('keeps configured secrets out of the rendered message', 'up', async (s) => {
      assertNoSecret(s.notifier.render(sampleNotification()), s.secrets, 'the rendered message')
    })

    test('delivers the message when the receiver accepts it', 'up', async (s) => {
      const outcome = await safeSend(s, s.notifier.render(sampleNotification()))
      assert.deepEqual(outcome, { ok: true })
      assert.equal(s.received(), 1)
    })

    test('gives a retryable network outcome when the receiver is down', 'down', async (s) => {
      const outcome = await safeSend(s, s.notifier.render(sampleNotification()))
      assert.equal(outcome.ok, false)
      assert.deepEqual(outcome.ok ? null : [outcome.retryable, outcome.reason], [true, 'network'])
    })

    test('gives a permanent outcome without secrets when the receiver rejects', 'rejecting', async (s) => {
      const outcome = await safeSend(s, s.notifier.render(sampleNotification()))
      assert.equal(outcome.ok, false)
      assert.equal(outcome.ok ? null : outcome.retryable, false)
      assert.ok(outcome.ok || outcome.detail.length > 0, 'a failure says what happened')
    })

    test('gives a retryable outcome when the receiver fails for a while', 'flaky', async (s) => {
      const outcome = await safeSend(s, s.notifier.render(sampleNotification()))
      assert.equal(outcome.ok, false)
      assert.equal(outcome.ok ? null : outcome.retryable, true)
    })

    test('gives a retryable timeout when the receiver never answers', 'hanging', async (s) => {
      const outcome = await safeSend(s, s.notifier.render(sampleNotification()))
      assert.equal(outcome.ok, false)
      assert.deepEqual(outcome.ok ? null : [outcome.retryable, outcome.reason], [true, 'network'])
      assert.match(outcome.ok ? '' : outcome.detail, /timed out/)
    })

    test('returns a retryable outcome when the caller aborts mid-send', 'hanging', async (s) => {
      const abort = new AbortController()
      const pending = safeSend(s, s.notifier.render(sampleNotification()), {
        ...context(abort.signal),
        timeoutMs: 60_000,
      })
      setTimeout(() => abort.abort(), 50)
      const outcome = await pending
      assert.equal(outcome.ok ? null : outcome.retryable, true)
    })
  })
}

/** A subject for an HTTP notifier: a real local receiver behaving as `mode`, and the notifier aimed at it. */
export async function httpSubject(
  mode: ReceiverMode,
  make: (baseUrl: string) => { notifier: Notifier; secrets: readonly string[] },
): Promise<NotifierSubject> {
  const replies: Record<ReceiverMode, Reply> = {
    up: { status: 200, body: 'ok' },
    down: { status: 200 },
    rejecting: 'echo',
    flaky: { status: 503, body: 'try later' },
    hanging: 'hang',
  }
  const rx = await startHttpReceiver(replies[mode])
  const base = mode === 'down' ? `http://127.0.0.1:${await closedPort()}` : rx.url
  return {
    ...make(base),
    received: () => rx.requests.filter((r) => typeof r.reply === 'object' && r.reply.status < 300).length,
    close: () => rx.close(),
  }
}
