import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sourceContext } from '../testing/logsource.conformance.ts'
import { mergeSources } from './merge.ts'
import type { LogLine, LogSource } from './types.ts'

const listSource = (name: string, texts: string[]): LogSource => ({
  type: 'list',
  async *open(_from, ctx) {
    for (const [i, text] of texts.entries()) {
      if (ctx.signal.aborted) return
      yield { text, source: name, receivedAt: ctx.now(), cursor: { kind: 'seq', seq: i + 1 } }
    }
  },
})

describe('mergeSources', () => {
  it('yields every line of every source, each source in its own order, when all finish', async () => {
    const seen: LogLine[] = []
    const ctx = sourceContext(new AbortController().signal)
    const merged = mergeSources(
      [{ source: listSource('a', ['a1', 'a2', 'a3']) }, { source: listSource('b', ['b1']) }],
      ctx,
    )
    for await (const l of merged) seen.push(l)
    assert.deepEqual(
      seen.filter((l) => l.source === 'a').map((l) => l.text),
      ['a1', 'a2', 'a3'],
    )
    assert.deepEqual(
      seen.filter((l) => l.source === 'b').map((l) => l.text),
      ['b1'],
    )
  })
})
