/** @module The run log recorder over real stores: cleaning and redaction, batching, the cap, and failed writes. */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { createMemoryStore } from '../store/memory/index.ts'
import { createSqliteStore } from '../store/sqlite/index.ts'
import type { RunLogStore } from '../store/types.ts'
import { FakeClock, countingIds } from '../testing/fakes.ts'
import { waitFor } from '../testing/wait-for.ts'
import { cleanLogLine, recordRunLog } from './run-log.ts'

const HOUR = 3_600_000
const step = { id: 'api:deploy', service: 'api' }
const memory = () => createMemoryStore(countingIds('evt').ids).runLogs

describe('cleanLogLine', () => {
  const secrets = ['hunter2-very-secret', 'p@ss word!']
  const scenarios: [string, string, string][] = [
    ['a known secret value', 'connecting with hunter2-very-secret now', 'connecting with [REDACTED] now'],
    ['a known value URL-encoded', 'url=https://x/?p=p%40ss%20word!', 'url=https://x/?p=[REDACTED]'],
    ['a password field', 'DB_PASSWORD=abc123 ok', 'DB_PASSWORD=[REDACTED] ok'],
    ['a JSON secret field', '{"api_key": "k-1234567"}', '{"api_key": [REDACTED]}'],
    ['a bearer token', 'Authorization: Bearer abcdefgh12345678', 'Authorization: Bearer [REDACTED]'],
    ['a GitHub token', 'token ghp_abcdefghijklmnopqrstuvwxyz0123456789', 'token [REDACTED]'],
    ['a URL password', 'postgres://app:s3cr3t@db:5432/x', 'postgres://app:[REDACTED]@db:5432/x'],
    ['colour codes', '\x1b[32m✓\x1b[0m built \x1b[1mapi\x1b[22m', '✓ built api'],
    ['a carriage return and NUL', 'progress 50%\r\u0000done', 'progress 50%done'],
    ['an ordinary line', '\tstep 3/4: copying 12 files', '\tstep 3/4: copying 12 files'],
  ]
  for (const [what, input, expected] of scenarios) {
    it(`cleans ${what}`, () => assert.equal(cleanLogLine(input, secrets), expected))
  }
})

describe('recordRunLog', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rina-run-log-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('stores every line numbered, timed, with its stream and step, redacted, once closed', async () => {
    const store = memory()
    const clock = new FakeClock('2025-03-01T12:00:00.000Z')
    const rec = recordRunLog({ store, runId: 'run_1', secrets: ['s3cret-value'], now: () => clock.now() })
    rec.line('placing release 1.0.0', 'stdout', step)
    clock.advance(1500)
    rec.line('warning: token=s3cret-value', 'stderr', step)
    rec.line('before any step', 'stdout', null)
    assert.deepEqual(await rec.close(), { lines: 3, dropped: 0, error: null })
    assert.deepEqual(await store.read('run_1'), [
      {
        seq: 1,
        time: '2025-03-01T12:00:00.000Z',
        stream: 'stdout',
        stepId: 'api:deploy',
        service: 'api',
        text: 'placing release 1.0.0',
      },
      {
        seq: 2,
        time: '2025-03-01T12:00:01.500Z',
        stream: 'stderr',
        stepId: 'api:deploy',
        service: 'api',
        text: 'warning: token=[REDACTED]',
      },
      {
        seq: 3,
        time: '2025-03-01T12:00:01.500Z',
        stream: 'stdout',
        stepId: null,
        service: null,
        text: 'before any step',
      },
    ])
  })

  it('writes at once when a batch is full, without waiting for the timer', async () => {
    const store = memory()
    const rec = recordRunLog({
      store,
      runId: 'run_1',
      secrets: [],
      now: () => new Date(),
      flushMs: HOUR,
      batchLines: 3,
    })
    for (let i = 1; i <= 4; i++) rec.line(`line ${i}`, 'stdout', step)
    await waitFor(async () => (await store.read('run_1')).length === 3)
    await rec.close()
    assert.equal((await store.read('run_1')).length, 4)
  })

  it('writes a waiting line when the timer fires', async () => {
    const store = memory()
    const rec = recordRunLog({ store, runId: 'run_1', secrets: [], now: () => new Date(), flushMs: 5 })
    rec.line('only line', 'stdout', step)
    await waitFor(async () => (await store.read('run_1')).length === 1)
    await rec.close()
  })

  it('keeps one write in flight and gathers the lines that arrive meanwhile into the next batch', async () => {
    const inner = memory()
    const batches: number[] = []
    let inFlight = 0
    let most = 0
    let release = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const store: RunLogStore = {
      read: (runId, q) => inner.read(runId, q),
      async append(runId, lines, limits) {
        inFlight++
        most = Math.max(most, inFlight)
        batches.push(lines.length)
        await gate
        await inner.append(runId, lines, limits)
        inFlight--
      },
    }
    const rec = recordRunLog({
      store,
      runId: 'run_1',
      secrets: [],
      now: () => new Date(),
      flushMs: HOUR,
      batchLines: 2,
    })
    for (let i = 1; i <= 7; i++) rec.line(`line ${i}`, 'stdout', step)
    release()
    assert.deepEqual(await rec.close(), { lines: 7, dropped: 0, error: null })
    assert.equal(most, 1)
    assert.deepEqual(batches, [2, 5])
    assert.equal((await inner.read('run_1')).length, 7)
  })

  it('keeps the first maxLines lines and lets the store count the rest in its marker', async () => {
    const store = memory()
    const limits = { keepRuns: 10, maxLines: 3 }
    const rec = recordRunLog({ store, runId: 'run_1', secrets: [], now: () => new Date(), limits })
    for (let i = 1; i <= 10; i++) rec.line(`line ${i}`, 'stdout', step)
    assert.deepEqual(await rec.close(), { lines: 10, dropped: 0, error: null })
    const stored = await store.read('run_1')
    assert.deepEqual(
      stored.map((l) => l.text),
      ['line 1', 'line 2', 'line 3', "… 7 more lines not kept: a run's log keeps its first 3 lines"],
    )
  })

  it('counts the lines of failed writes as dropped and never throws when the store fails', async () => {
    const broken = createSqliteStore({ path: join(dir, 'closed.db'), ids: countingIds('evt').ids })
    await broken.close()
    const rec = recordRunLog({
      store: broken.runLogs,
      runId: 'run_1',
      secrets: [],
      now: () => new Date(),
      batchLines: 2,
    })
    for (let i = 1; i <= 5; i++) rec.line(`line ${i}`, 'stdout', step)
    const report = await rec.close()
    assert.deepEqual({ ...report, error: typeof report.error }, { lines: 5, dropped: 5, error: 'string' })
    assert.match(report.error!, /not open/)
  })

  it('ignores lines after it was closed', async () => {
    const store = memory()
    const rec = recordRunLog({ store, runId: 'run_1', secrets: [], now: () => new Date() })
    rec.line('in time', 'stdout', step)
    await rec.close()
    rec.line('too late', 'stdout', step)
    await rec.flush()
    assert.deepEqual(
      (await store.read('run_1')).map((l) => l.text),
      ['in time'],
    )
  })
})
