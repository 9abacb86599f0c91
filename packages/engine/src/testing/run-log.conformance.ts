/**
 * @module The run log conformance suite every store kind runs: lines round-trip in seq order and page with after
 * and limit, a retried batch is stored once, runs stay apart, the per-run cap keeps one marker line counting the
 * rest, only the newest runs' logs are kept, and (with a second instance) lines one instance wrote are read by the
 * other.
 */
import assert from 'node:assert/strict'
import { describe } from 'node:test'
import type { RunLogLine } from '../store/types.ts'
import type { StoreSuiteOptions } from './journal.conformance.ts'
import { NO_SIBLING, caseRunner, withSibling } from './journal.conformance.ts'

const T0 = Date.parse('2025-03-01T12:00:00.000Z')

const line = (seq: number, over: Partial<RunLogLine> = {}): RunLogLine => ({
  seq,
  time: new Date(T0 + seq * 10).toISOString(),
  stream: 'stdout',
  stepId: 'api:deploy',
  service: 'api',
  text: `line ${seq}`,
  ...over,
})

const lines = (from: number, to: number): RunLogLine[] =>
  Array.from({ length: to - from + 1 }, (_, i) => line(from + i))

export function runRunLogConformance(opts: StoreSuiteOptions): void {
  const skip: Record<string, string> = { ...opts.skip }
  if (!opts.sibling) skip['reads lines another instance wrote'] ??= NO_SIBLING
  const test = caseRunner({ ...opts, skip })

  describe(`run log conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('returns appended lines in seq order and pages them with after and limit', async ({ runLogs }) => {
      await runLogs.append('run_1', lines(1, 3))
      await runLogs.append('run_1', [line(4, { stream: 'stderr', text: 'warning: slow' }), line(5)])
      assert.deepEqual(await runLogs.read('run_1'), [
        ...lines(1, 3),
        line(4, { stream: 'stderr', text: 'warning: slow' }),
        line(5),
      ])
      assert.deepEqual(
        (await runLogs.read('run_1', { after: 2, limit: 2 })).map((l) => l.seq),
        [3, 4],
      )
      assert.deepEqual(await runLogs.read('run_1', { after: 5 }), [])
    })

    test('stores a line once when a batch is sent again', async ({ runLogs }) => {
      await runLogs.append('run_1', lines(1, 2))
      await runLogs.append('run_1', [line(2, { text: 'again' }), line(3)])
      assert.deepEqual(await runLogs.read('run_1'), lines(1, 3))
    })

    test('keeps runs apart and reads nothing for a run without lines', async ({ runLogs }) => {
      await runLogs.append('run_1', lines(1, 2))
      await runLogs.append('run_2', [line(1, { text: 'other run', stepId: null, service: null })])
      await runLogs.append('run_3', [])
      assert.deepEqual(await runLogs.read('run_2'), [
        line(1, { text: 'other run', stepId: null, service: null }),
      ])
      assert.deepEqual(await runLogs.read('run_3'), [])
      assert.deepEqual(await runLogs.read('run_unknown'), [])
      assert.equal((await runLogs.read('run_1')).length, 2)
    })

    test('keeps text as written: unicode, tabs, quotes, empty and long lines', async ({ runLogs }) => {
      const texts = [
        'naïve → ✓ 日本',
        '\tindented "quoted" \'single\'',
        '',
        'x'.repeat(16_384),
        '50% done; ok',
      ]
      await runLogs.append(
        'run_1',
        texts.map((text, i) => line(i + 1, { text })),
      )
      assert.deepEqual(
        (await runLogs.read('run_1')).map((l) => l.text),
        texts,
      )
    })

    test('keeps the first maxLines lines of a run and counts the rest in one marker line', async ({
      runLogs,
    }) => {
      const limits = { keepRuns: 10, maxLines: 5 }
      await runLogs.append('run_1', lines(1, 4), limits)
      await runLogs.append('run_1', lines(5, 8), limits)
      const first = await runLogs.read('run_1')
      assert.deepEqual(
        first.slice(0, 5).map((l) => l.seq),
        [1, 2, 3, 4, 5],
      )
      assert.equal(first.length, 6)
      assert.deepEqual(
        { ...first[5], text: undefined },
        { seq: 6, time: line(8).time, stream: 'stderr', stepId: null, service: null, text: undefined },
      )
      assert.match(first[5]!.text, /^… 3 more lines not kept: a run's log keeps its first 5 lines$/)
      await runLogs.append('run_1', lines(9, 20), limits)
      const after = await runLogs.read('run_1', { after: 5 })
      assert.equal(after.length, 1)
      assert.match(after[0]!.text, /^… 15 more lines not kept/)
    })

    test('keeps the logs of the newest keepRuns runs only', async ({ runLogs }) => {
      const limits = { keepRuns: 3, maxLines: 100 }
      for (const run of ['run_1', 'run_2', 'run_3']) await runLogs.append(run, lines(1, 2), limits)
      // More lines of a run already kept start no new run.
      await runLogs.append('run_1', lines(3, 3), limits)
      assert.equal((await runLogs.read('run_1')).length, 3)
      await runLogs.append('run_4', lines(1, 1), limits)
      await runLogs.append('run_5', lines(1, 1), limits)
      assert.deepEqual(await runLogs.read('run_1'), [])
      assert.deepEqual(await runLogs.read('run_2'), [])
      for (const run of ['run_3', 'run_4', 'run_5']) assert.ok((await runLogs.read(run)).length > 0, run)
    })

    test('stores a large batch in one call and reads it page by page', async ({ runLogs }) => {
      await runLogs.append('run_1', lines(1, 2500))
      const seen: number[] = []
      let after = 0
      for (;;) {
        const page = await runLogs.read('run_1', { after, limit: 1000 })
        if (page.length === 0) break
        seen.push(...page.map((l) => l.seq))
        after = page.at(-1)!.seq
      }
      assert.equal(seen.length, 2500)
      assert.deepEqual(seen.slice(0, 3), [1, 2, 3])
      assert.equal(seen.at(-1), 2500)
      assert.equal((await runLogs.read('run_1')).length, 1000)
    })

    test('reads lines another instance wrote', async (store) => {
      await withSibling(opts, store, async (other) => {
        await other.runLogs.append('run_1', lines(1, 2))
        assert.deepEqual(await store.runLogs.read('run_1'), lines(1, 2))
      })
    })
  })
}
