import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createRecent } from './recent.ts'

describe('createRecent', () => {
  it('returns what was set when the entry is recent', () => {
    const r = createRecent<string, number>(4)
    r.set('a', 1)
    assert.equal(r.get('a'), 1)
    assert.equal(r.get('b'), undefined)
  })

  it('never holds more than its limit when many keys are written', () => {
    const r = createRecent<number, number>(10)
    for (let i = 0; i < 1000; i++) r.set(i, i)
    assert.ok(r.size <= 10)
    assert.equal(r.get(999), 999)
    assert.equal(r.get(0), undefined)
  })

  it('keeps an entry that is read while newer keys arrive', () => {
    const r = createRecent<number, number>(10)
    r.set(-1, -1)
    for (let i = 0; i < 100; i++) {
      assert.equal(r.get(-1), -1)
      r.set(i, i)
    }
    assert.equal(r.get(-1), -1)
  })

  it('remembers nothing when the limit is zero', () => {
    const r = createRecent<string, number>(0)
    r.set('a', 1)
    assert.equal(r.get('a'), undefined)
    assert.equal(r.size, 0)
  })
})
