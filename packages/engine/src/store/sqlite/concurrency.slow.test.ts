/** @module Four Node processes append to one SQLite file at once; the journal ends gap-free with a valid chain. */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, describe, it } from 'node:test'
import { verifyAll } from '../../testing/journal.conformance.ts'
import { countingIds } from '../../testing/fakes.ts'
import { createSqliteStore } from './index.ts'

const WORKERS = 4
const PER_WORKER = 500

/**
 * The child: opens the file, says ready, waits for "go" on stdin, then appends one event at a time, pausing a tick
 * between appends as a command does between steps (without it one process keeps the write lock and nothing interleaves).
 */
const CHILD = `
const { createSqliteStore } = await import(process.env.STORE_MODULE)
const w = process.env.WORKER
let n = 0
const store = createSqliteStore({ path: process.env.DB_PATH, ids: () => 'w' + w + '_' + ++n })
process.stdout.write('ready\\n')
process.stdin.once('data', async () => {
  for (let i = 0; i < Number(process.env.COUNT); i++) {
    await store.journal.append(
      [{ type: 'freeze.enabled', actor: { kind: 'system', id: 'w' + w }, reason: String(i), payload: { env: 'w' + w, until: null } }],
      { time: new Date(0).toISOString() },
    )
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  await store.close()
  process.stdin.destroy()
})
`

/** Starts a child and resolves once it is ready; `done` settles when it exits. */
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

/** How often consecutive events come from different workers: evidence that the appends really interleaved. */
function interleavings(actorIds: readonly string[]): number {
  let n = 0
  for (let i = 1; i < actorIds.length; i++) if (actorIds[i] !== actorIds[i - 1]) n++
  return n
}

describe('sqlite journal across processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rina-sqlite-procs-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('keeps a gap-free valid chain when four processes append 500 events each at once', async (t) => {
    const path = join(dir, 'state.db')
    const store = createSqliteStore({ path, ids: countingIds('parent').ids })
    const storeModule = fileURLToPath(new URL('./index.ts', import.meta.url))
    const workers = Array.from({ length: WORKERS }, (_, w) =>
      startWorker({ STORE_MODULE: storeModule, DB_PATH: path, WORKER: String(w), COUNT: String(PER_WORKER) }),
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
    t.diagnostic(
      `${count} events in ${elapsed.toFixed(0)} ms; worker switched ${interleavings(events.map((e) => e.actorId))} times`,
    )
    await store.close()
  })
})
