/**
 * @module The log source conformance suite every source runs: lines arrive in the order they were written,
 * carrying the source name and the context's time; an abort ends the iterator promptly, even while it waits; and
 * reopening from a line's cursor yields the lines after it. Each skip states its reason.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Cursor, LogLine, LogSource, LogSourceContext } from '../logsources/types.ts'

export interface LogSourceSubject {
  source: LogSource
  /** The name the source was created with. */
  name: string
  /** Makes the source produce these lines (appends to the file, posts them, …). */
  write(lines: readonly string[]): Promise<void>
  close(): Promise<void>
}

export interface LogSourceSuiteOptions {
  name: string
  create(): Promise<LogSourceSubject>
  /** Cases this source does not run, by title, each with its reason. */
  skip?: Readonly<Record<string, string>>
}

export const FIXED_NOW = new Date('2026-01-05T10:00:00.000Z')

export function sourceContext(signal: AbortSignal): LogSourceContext {
  return { signal, now: () => FIXED_NOW }
}

/** Reads `n` lines, then stops the iterator (the signal aborts after). */
export async function readLines(
  source: LogSource,
  from: Cursor | null,
  n: number,
  beforeFirst?: () => Promise<void>,
): Promise<LogLine[]> {
  const stop = new AbortController()
  const out: LogLine[] = []
  const it = source.open(from, sourceContext(stop.signal))[Symbol.asyncIterator]()
  const first = it.next()
  await beforeFirst?.()
  try {
    for (let r = await first; !r.done; r = await it.next()) {
      out.push(r.value)
      if (out.length === n) break
    }
  } finally {
    stop.abort()
    await it.return?.()
  }
  return out
}

export function runLogSourceConformance(options: LogSourceSuiteOptions): void {
  const skip = options.skip ?? {}
  const test = (title: string, fn: (s: LogSourceSubject) => Promise<void>) =>
    it(title, { skip: skip[title] ?? false }, async () => {
      const s = await options.create()
      try {
        await fn(s)
      } finally {
        await s.close()
      }
    })

  describe(`${options.name} (log source conformance)`, () => {
    test('yields lines in the order they were written when several batches arrive', async (s) => {
      const batches = [0, 1, 2].map((b) => Array.from({ length: 40 }, (_, i) => `batch ${b} line ${i}`))
      const lines = await readLines(s.source, null, 120, async () => {
        for (const b of batches) await s.write(b)
      })
      assert.deepEqual(
        lines.map((l) => l.text),
        batches.flat(),
      )
    })

    // The time comes from the injected clock: ctx.now, or the source's own `now` when lines arrive outside open.
    test('names the source and stamps the context time when a line arrives', async (s) => {
      const [line] = await readLines(s.source, null, 1, () => s.write(['hello']))
      assert.equal(line?.source, s.name)
      assert.equal(line?.receivedAt.getTime(), FIXED_NOW.getTime())
      assert.ok(line?.cursor.kind === 'file' || line?.cursor.kind === 'seq')
    })

    test('ends the iterator when the signal aborts while it waits for lines', async (s) => {
      const stop = new AbortController()
      const it = s.source.open(null, sourceContext(stop.signal))[Symbol.asyncIterator]()
      const pending = it.next()
      stop.abort()
      assert.equal((await pending).done, true)
    })

    test('yields nothing when opened with an aborted signal', async (s) => {
      const stop = new AbortController()
      stop.abort()
      const seen: LogLine[] = []
      for await (const l of s.source.open(null, sourceContext(stop.signal))) seen.push(l)
      assert.deepEqual(seen, [])
    })

    test('resumes after the cursor when reopened from a line read before', async (s) => {
      const first = await readLines(s.source, null, 2, () => s.write(['one', 'two']))
      assert.deepEqual(
        first.map((l) => l.text),
        ['one', 'two'],
      )
      await s.write(['three', 'four'])
      const rest = await readLines(s.source, first[1]!.cursor, 2)
      assert.deepEqual(
        rest.map((l) => l.text),
        ['three', 'four'],
      )
    })
  })
}
