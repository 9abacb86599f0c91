import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { DueQueue } from './due-queue.ts'

describe('DueQueue', () => {
  it('pops the earliest due first, ties by key, when entries arrive in any order', () => {
    const q = new DueQueue()
    const dues = [50, 10, 30, 10, 70, 20, 30]
    dues.forEach((due, i) => q.push({ key: `k${dues.length - i}`, due }))
    const out: string[] = []
    for (let e = q.pop(); e; e = q.pop()) out.push(`${e.due}:${e.key}`)
    assert.deepEqual(out, ['10:k4', '10:k6', '20:k2', '30:k1', '30:k5', '50:k7', '70:k3'])
    assert.equal(q.size, 0)
  })

  it('keeps order over many pushes and pops when used as a schedule', () => {
    const q = new DueQueue()
    for (let i = 0; i < 1_000; i++) q.push({ key: `p${i}`, due: (i * 7919) % 1_000 })
    let last = -1
    for (let e = q.pop(); e; e = q.pop()) {
      assert.ok(e.due >= last)
      last = e.due
    }
  })
})
