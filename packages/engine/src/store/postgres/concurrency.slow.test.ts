/** @module Four Node processes append to one PostgreSQL schema at once; the journal ends gap-free with a valid chain. */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'node:test'
import { verifyAll } from '../../testing/journal.conformance.ts'
import { pgSkipReason, TEST_PG_URL, throwawayStore } from './throwaway.ts'

const WORKERS = 4
const PER_WORKER = 500

/** The child: opens the schema, says ready, waits for "go" on stdin, then appends one event at a time. */
const CHILD = `
const { createPostgresStore } = await import(process.env.STORE_MODULE)
const w = process.env.WORKER
let n = 0
const store = await createPostgresStore({
  url: process.env.PG_URL, schema: process.env.PG_SCHEMA, poolSize: 1, ids: () => 'w' + w + '_' + ++n,
})
process.stdout.write('ready\\n')
process.stdin.once('data', async () => {
  for (let i = 0; i < Number(process.env.COUNT); i++) {
    await store.journal.append(
      [{ type: 'freeze.enabled', actor: { kind: 'system', id: 'w' + w }, reason: String(i), payload: { env: 'w' + w, until: null } }],
      { time: new Date(0).toISOString() },
    )
  }
  await store.close()
  process.stdin.destroy()
})
`

function startWorker(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += d))
  const done = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`worker exited ${code}: ${stderr}`)),
    ),
  )
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    done.catch(reject)
  })
  return { child, ready, done }
}

describe('postgres journal across processes', { skip: (await pgSkipReason()) ?? false }, () => {
  it('keeps a gap-free valid chain when four processes append 500 events each at once', async (t) => {
    const store = await throwawayStore()
    try {
      const storeModule = fileURLToPath(new URL('./index.ts', import.meta.url))
      const workers = Array.from({ length: WORKERS }, (_, w) =>
        startWorker({
          STORE_MODULE: storeModule,
          PG_URL: TEST_PG_URL,
          PG_SCHEMA: store.schema,
          WORKER: String(w),
          COUNT: String(PER_WORKER),
        }),
      )
      await Promise.all(workers.map((w) => w.ready))
      const started = performance.now()
      for (const w of workers) w.child.stdin.write('go\n')
      await Promise.all(workers.map((w) => w.done))
      const elapsed = performance.now() - started

      const { count, events } = await verifyAll(store.journal)
      assert.equal(count, WORKERS * PER_WORKER)
      for (let w = 0; w < WORKERS; w++) {
        const mine = events.filter((e) => e.actorId === `w${w}`).map((e) => Number(e.reason))
        assert.deepEqual(
          mine,
          Array.from({ length: PER_WORKER }, (_, i) => i),
        )
      }
      let switches = 0
      for (let i = 1; i < events.length; i++) if (events[i]!.actorId !== events[i - 1]!.actorId) switches++
      t.diagnostic(`${count} events in ${elapsed.toFixed(0)} ms; worker switched ${switches} times`)
    } finally {
      await store.close()
    }
  })
})
