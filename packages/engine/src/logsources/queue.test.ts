import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createBoundedQueue } from './queue.ts'

describe('createBoundedQueue', () => {
  it('keeps every item in order when the reader keeps up', async () => {
    const q = createBoundedQueue<number>({ capacity: 4 })
    for (const n of [1, 2, 3]) assert.equal(q.push(n), true)
    assert.deepEqual([await q.take(), await q.take(), await q.take()], [1, 2, 3])
    assert.deepEqual(q.load(), { queued: 0, dropped: 0, sampledEvery: 1 })
  })

  it('never holds more than its capacity and counts every drop when overloaded', () => {
    const q = createBoundedQueue<number>({ capacity: 100 })
    let kept = 0
    for (let i = 0; i < 100_000; i++) if (q.push(i)) kept++
    const load = q.load()
    assert.ok(load.queued <= 100)
    assert.equal(load.queued + load.dropped, 100_000)
    assert.ok(load.sampledEvery > 1, 'samples under overload')
    assert.ok(kept < 100_000)
  })

  it('keeps every k-th arrival with k growing as the overload lasts', () => {
    const q = createBoundedQueue<number>({ capacity: 10, maxSampleEvery: 8 })
    const steps: number[] = []
    for (let i = 0; i < 1_000; i++) {
      q.push(i)
      if (!steps.includes(q.load().sampledEvery)) steps.push(q.load().sampledEvery)
    }
    assert.deepEqual(steps, [1, 2, 4, 8])
  })

  it('keeps the newest sampled lines in order when sampling', async () => {
    const q = createBoundedQueue<number>({ capacity: 8 })
    for (let i = 0; i < 10_000; i++) q.push(i)
    q.close()
    const seen: number[] = []
    for await (const n of q.items()) seen.push(n)
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
    )
    assert.ok(seen.at(-1)! > 9_000)
  })

  it('returns to keeping every item when the reader has caught up', async () => {
    const q = createBoundedQueue<number>({ capacity: 10 })
    for (let i = 0; i < 1_000; i++) q.push(i)
    assert.ok(q.load().sampledEvery > 1)
    while (q.load().queued > 0) await q.take()
    for (let i = 0; i < 11 && q.load().sampledEvery > 1; i++) q.push(i)
    assert.equal(q.load().sampledEvery, 1, 'k halves with each arrival while the queue is under half full')
    assert.deepEqual([q.push(1), q.push(2), q.push(3)], [true, true, true])
  })

  it('wakes a waiting reader when an item arrives', async () => {
    const q = createBoundedQueue<string>({ capacity: 2 })
    const pending = q.take()
    q.push('late')
    assert.equal(await pending, 'late')
  })

  it('ends a waiting reader when the signal aborts or the queue closes', async () => {
    const q = createBoundedQueue<string>({ capacity: 2 })
    const stop = new AbortController()
    const aborted = q.take(stop.signal)
    stop.abort()
    assert.equal(await aborted, null)
    const closed = q.take()
    q.close()
    assert.equal(await closed, null)
    assert.equal(q.push('after close'), false)
  })
})
