import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createLru } from './lru.ts'
import type { LruNode } from './lru.ts'

interface Item extends LruNode {
  name: string
}
const item = (name: string): Item => ({ name, older: null, newer: null })

describe('createLru', () => {
  it('gives entries back oldest first when none was used again', () => {
    const l = createLru<Item>()
    for (const n of ['a', 'b', 'c']) l.use(item(n))
    assert.deepEqual([l.takeOldest()?.name, l.takeOldest()?.name, l.takeOldest()?.name], ['a', 'b', 'c'])
    assert.equal(l.takeOldest(), null)
  })

  it('moves an entry to the recent end when it is used again', () => {
    const l = createLru<Item>()
    const [a, b, c] = [item('a'), item('b'), item('c')]
    for (const n of [a, b, c]) l.use(n)
    l.use(a)
    l.use(b)
    l.use(b)
    assert.deepEqual([l.takeOldest()?.name, l.takeOldest()?.name, l.takeOldest()?.name], ['c', 'a', 'b'])
  })

  it('keeps a single entry consistent when it is used and taken repeatedly', () => {
    const l = createLru<Item>()
    const a = item('a')
    l.use(a)
    l.use(a)
    assert.equal(l.takeOldest(), a)
    l.use(a)
    assert.equal(l.takeOldest(), a)
    assert.equal(l.takeOldest(), null)
  })
})
