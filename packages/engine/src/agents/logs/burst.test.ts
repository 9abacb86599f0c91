import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createBurstDetector, type BurstDetector } from './burst.ts'

/** Feeds `n` lines one every `stepMs` from `from`, every `errorEvery`-th an error; returns the signals' times. */
function feed(d: BurstDetector, from: number, n: number, stepMs: number, errorEvery: number | null) {
  const fired: number[] = []
  for (let i = 0; i < n; i++) {
    const time = from + i * stepMs
    const error = errorEvery !== null && i % errorEvery === 0
    const s = d.push({
      source: 'api',
      time,
      error,
      line: error ? `ERROR GET /x 503 ${i}` : `INFO GET /x 200`,
    })
    if (s) fired.push(s.time)
  }
  return fired
}

describe('createBurstDetector', () => {
  it('stays quiet when errors stay at their usual low share', () => {
    const d = createBurstDetector()
    assert.deepEqual(feed(d, 0, 600, 100, 20), [])
  })

  it('fires once, at the fifth error in the last 25 lines, when a clean source starts failing', () => {
    const d = createBurstDetector()
    feed(d, 0, 100, 100, null)
    assert.deepEqual(feed(d, 10_000, 50, 100, 1), [10_400])
  })

  it('carries the release marked before the burst and the shares before and after', () => {
    const d = createBurstDetector()
    feed(d, 0, 100, 100, null)
    d.markRelease('1.2.0', 9_000)
    let signal = null
    for (let i = 0; i < 20 && !signal; i++)
      signal = d.push({
        source: 'api',
        time: 10_000 + i * 100,
        error: true,
        line: 'ERROR password=hunter2 x',
      })
    assert.equal(signal?.kind, 'error-rate')
    assert.equal(signal?.evidence.release, '1.2.0')
    assert.equal(signal?.evidence.before, 0)
    assert.ok((signal?.evidence.after ?? 0) >= 0.2)
    assert.ok(signal?.evidence.examples.every((x) => !x.includes('hunter2')))
  })

  it('fires again only after the share in the window fell back when bursts repeat', () => {
    const d = createBurstDetector({ lines: 10 })
    feed(d, 0, 50, 100, null)
    const first = feed(d, 5_000, 20, 100, 1)
    const clean = feed(d, 7_000, 30, 100, null)
    const second = feed(d, 10_000, 20, 100, 1)
    assert.equal(first.length, 1)
    assert.deepEqual(clean, [])
    assert.equal(second.length, 1)
  })

  it('keeps firing for later bursts when the errors of a long burst would otherwise become the usual share', () => {
    const d = createBurstDetector()
    feed(d, 0, 100, 100, null)
    assert.equal(feed(d, 10_000, 300, 100, 2).length, 1)
    feed(d, 40_000, 100, 100, null)
    assert.equal(feed(d, 50_000, 50, 100, 2).length, 1)
  })
})
