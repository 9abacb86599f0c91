/** @module The console notifier: readable lines, colour only on a terminal without NO_COLOR, and conformance. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { runNotifierConformance, sampleNotification } from '../../testing/notifier.conformance.ts'
import { consoleChannelSchema } from './schema.ts'
import { consoleNotifier } from './index.ts'

const config = consoleChannelSchema.parse({ type: 'console' })
const NO_RECEIVER = 'the console has no receiver that can be down, slow or refuse'

runNotifierConformance({
  name: 'console',
  async create() {
    const written: string[] = []
    return {
      notifier: consoleNotifier(config, { write: (t) => void written.push(t) }),
      secrets: [],
      received: () => written.length,
      close: async () => {},
    }
  },
  skip: {
    'gives a retryable network outcome when the receiver is down': NO_RECEIVER,
    'gives a permanent outcome without secrets when the receiver rejects': NO_RECEIVER,
    'gives a retryable outcome when the receiver fails for a while': NO_RECEIVER,
    'gives a retryable timeout when the receiver never answers': NO_RECEIVER,
    'returns a retryable outcome when the caller aborts mid-send': 'printing a line is not interruptible',
  },
})

describe('consoleNotifier', () => {
  it('prints a plain block of lines when output is not a terminal', async () => {
    const written: string[] = []
    const notifier = consoleNotifier(config, { write: (t) => void written.push(t), env: {} })
    const msg = notifier.render(sampleNotification())
    const ctx = {
      signal: new AbortController().signal,
      idempotencyKey: 'k',
      timeoutMs: 1_000,
      now: () => new Date(),
    }
    assert.deepEqual(await notifier.send(msg, ctx), { ok: true })
    assert.deepEqual(written, [
      [
        '✖ CRITICAL  Deploy of api 1.4.2 to production failed',
        '  env production · 2026-01-05T10:00:00.000Z · by ana@example.com',
        '  Health check /healthz returned 503 three times after the switch.',
        '  The previous release is still on disk.',
        '  Release: api@1.4.2',
        '  Service: api',
        '  next: rina rollback production --to 1.4.1',
        '  https://rina.example.com/runs/42',
        '',
      ].join('\n'),
    ])
  })

  it('colours the heading on a terminal when NO_COLOR is unset', () => {
    const notifier = consoleNotifier(config, { write: () => {}, isTTY: true, env: {} })
    const msg = notifier.render(sampleNotification({ severity: 'warning' }))
    assert.ok(String(msg.body).startsWith('\x1b[1m\x1b[33m! WARNING'), 'a bold yellow heading')
    assert.ok(!msg.text.includes('\x1b['), 'the plain text never has colour codes')
  })

  it('prints no colour codes on a terminal when NO_COLOR is set', () => {
    const notifier = consoleNotifier(config, { write: () => {}, isTTY: true, env: { NO_COLOR: '1' } })
    assert.ok(!String(notifier.render(sampleNotification()).body).includes('\x1b['))
  })

  it('reports a failure instead of throwing when the stream cannot be written', async () => {
    const notifier = consoleNotifier(config, {
      write: () => {
        throw new Error('EPIPE')
      },
    })
    const ctx = {
      signal: new AbortController().signal,
      idempotencyKey: 'k',
      timeoutMs: 1_000,
      now: () => new Date(),
    }
    const outcome = await notifier.send(notifier.render(sampleNotification()), ctx)
    assert.deepEqual(outcome, {
      ok: false,
      retryable: false,
      reason: 'config',
      detail: 'could not write to stderr: EPIPE',
    })
  })
})
