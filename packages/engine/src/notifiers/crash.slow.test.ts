/**
 * @module A dispatcher killed with SIGKILL mid-delivery loses nothing: a child process claims the items and is
 * killed while the receiver holds its requests open; after the lease a new dispatcher delivers every item again
 * with the same Idempotency-Key (at-least-once).
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { createSqliteStore } from '../store/sqlite/index.ts'
import { countingIds, FakeClock } from '../testing/fakes.ts'
import { startHttpReceiver } from '../testing/http-receiver.ts'
import { sampleNotification } from '../testing/notifier.conformance.ts'
import { createDispatcher } from './dispatcher.ts'
import { enqueueNotification } from './outbox-body.ts'
import { webhookNotifier } from './webhook/index.ts'
import { webhookChannelSchema } from './webhook/schema.ts'

const here = dirname(fileURLToPath(import.meta.url))
const CHILD = join(here, 'fixtures', 'dispatch-child.ts')
const dir = mkdtempSync(join(tmpdir(), 'rina-crash-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describe('dispatcher crash recovery', () => {
  it('redelivers every item with the same idempotency key when the dispatcher is killed mid-delivery', async () => {
    const path = join(dir, 'state.db')
    const ids = countingIds('evt').ids
    const seed = createSqliteStore({ path, ids })
    const enqueuedAt = Date.now()
    for (const id of ['ntf_a', 'ntf_b', 'ntf_c']) {
      await enqueueNotification(seed.outbox, sampleNotification({ id }), ['hook'], enqueuedAt)
    }
    await seed.close()

    const rx = await startHttpReceiver('hang')
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, `${rx.url}/rina`], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    )
    const early = exited.then((e) => {
      throw new Error(`the child exited before delivering (${JSON.stringify(e)}): ${stderr}`)
    })
    await Promise.race([rx.waitForRequests(3), early])
    early.catch(() => {})
    assert.ok(child.kill('SIGKILL'))
    assert.deepEqual(await exited, { code: null, signal: 'SIGKILL' })

    const store = createSqliteStore({ path, ids })
    try {
      const stranded = await store.outbox.list({ status: 'pending' })
      assert.equal(stranded.length, 3, 'every item is still pending after the kill')
      assert.ok(stranded.every((i) => i.attempts === 1 && i.leaseUntil !== null))
      const leaseEnd = Math.max(...stranded.map((i) => i.leaseUntil!))

      rx.setDefault({ status: 200, body: 'ok' })
      const clock = new FakeClock(Date.now())
      const hook = webhookNotifier(
        webhookChannelSchema.parse({
          type: 'webhook',
          url: `${rx.url}/rina`,
          secret: 'whsec_crash_test_secret',
        }),
        {},
      )
      const dispatcher = createDispatcher({
        outbox: store.outbox,
        channels: { hook },
        policy: {
          maxAttempts: 5,
          initialBackoffMs: 1_000,
          maxBackoffMs: 10_000,
          timeoutMs: 5_000,
          batchSize: 10,
        },
        clock,
        random: () => 0.5,
        secrets: [],
      })
      assert.deepEqual(
        await dispatcher.runOnce(),
        { claimed: 0, delivered: 0, retried: 0, dead: 0, lost: 0 },
        'lease still held',
      )
      clock.set(leaseEnd)
      assert.deepEqual(await dispatcher.runOnce(), { claimed: 3, delivered: 3, retried: 0, dead: 0, lost: 0 })

      const all = await store.outbox.list()
      assert.deepEqual(all.map((i) => [i.id, i.status, i.attempts]).sort(), [
        ['ntf_a:hook', 'delivered', 2],
        ['ntf_b:hook', 'delivered', 2],
        ['ntf_c:hook', 'delivered', 2],
      ])
      const byKey = new Map<string, number>()
      for (const r of rx.requests) {
        const key = String(r.headers['idempotency-key'])
        byKey.set(key, (byKey.get(key) ?? 0) + 1)
      }
      assert.deepEqual(Object.fromEntries(byKey), { 'ntf_a:hook': 2, 'ntf_b:hook': 2, 'ntf_c:hook': 2 })
    } finally {
      await store.close()
      await rx.close()
    }
  })
})
