import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createLineSplitter } from './line-splitter.ts'

const bytes = (s: string) => new TextEncoder().encode(s)

describe('createLineSplitter', () => {
  it('splits lines and reports the byte offset after each when chunks end on newlines', () => {
    const s = createLineSplitter(100)
    assert.deepEqual(s.push(bytes('ab\ncd\r\n')), [
      { text: 'ab', end: 103 },
      { text: 'cd', end: 107 },
    ])
  })

  it('holds a partial line until its newline arrives', () => {
    const s = createLineSplitter()
    assert.deepEqual(s.push(bytes('first\nhel')), [{ text: 'first', end: 6 }])
    assert.equal(s.pending, 3)
    assert.deepEqual(s.push(bytes('lo\n')), [{ text: 'hello', end: 12 }])
  })

  it('counts bytes, not characters, when lines hold multi-byte text', () => {
    const s = createLineSplitter()
    const chunk = bytes('é€\nok\n')
    const lines = [...s.push(chunk.subarray(0, 2)), ...s.push(chunk.subarray(2))]
    assert.deepEqual(lines, [
      { text: 'é€', end: 6 },
      { text: 'ok', end: 9 },
    ])
  })

  it('cuts a line that never ends when it passes the length limit', () => {
    const s = createLineSplitter(0, 4)
    assert.deepEqual(
      s.push(bytes('abcdefghij')).map((l) => l.text),
      ['abcd', 'efgh'],
    )
    assert.deepEqual(s.flush(), { text: 'ij', end: 10 })
    assert.equal(s.flush(), null)
  })

  it('keeps its partial line intact when the caller reuses the buffer it passed', () => {
    const s = createLineSplitter()
    const buf = new Uint8Array(8)
    buf.set(bytes('one\ntw'))
    s.push(buf.subarray(0, 6))
    buf.set(bytes('o\nXXXXX'))
    assert.deepEqual(s.push(buf.subarray(0, 2)), [{ text: 'two', end: 8 }])
  })
})
