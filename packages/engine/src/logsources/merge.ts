/**
 * @module Merges several sources into one stream without buffering: each source has at most one pending read,
 * and whichever answers first is yielded. A slow source never holds back a fast one.
 */
import type { Cursor, LogLine, LogSource, LogSourceContext } from './types.ts'

export async function* mergeSources(
  sources: readonly { source: LogSource; from?: Cursor | null }[],
  ctx: LogSourceContext,
): AsyncGenerator<LogLine> {
  const its = sources.map((s) => s.source.open(s.from ?? null, ctx)[Symbol.asyncIterator]())
  type Step = { i: number; r: IteratorResult<LogLine> }
  const pending = new Map<number, Promise<Step>>()
  const arm = (i: number) =>
    pending.set(
      i,
      its[i]!.next().then((r) => ({ i, r })),
    )
  its.forEach((_, i) => arm(i))
  try {
    while (pending.size > 0) {
      const { i, r } = await Promise.race(pending.values())
      pending.delete(i)
      if (r.done) continue
      arm(i)
      yield r.value
    }
  } finally {
    await Promise.all(its.map((it) => it.return?.()))
  }
}
