import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { LiteralSet, spellings } from './prefilter.ts'

describe('LiteralSet', () => {
  it('finds every occurrence when literals overlap or end inside one another', () => {
    const set = new LiteralSet(['he', 'she', 'hers', 'his'])
    const hits = set.scan('ushers and his')
    assert.deepEqual(hits.at('she'), [1])
    assert.deepEqual(hits.at('he'), [2])
    assert.deepEqual(hits.at('hers'), [2])
    assert.deepEqual(hits.at('his'), [11])
  })

  it('restarts matching when a non-ASCII character interrupts a literal', () => {
    const hits = new LiteralSet(['token']).scan('tok€en token')
    assert.deepEqual(hits.at('token'), [7])
  })

  it('lists only the literals that occur when asked for its entries', () => {
    const hits = new LiteralSet(['ghp_', 'xox', 'AKIA']).scan('a ghp_1 b xox c ghp_2')
    assert.deepEqual(
      [...hits.entries()],
      [
        ['ghp_', [2, 16]],
        ['xox', [10]],
      ],
    )
    assert.equal(hits.has('AKIA'), false)
  })

  it('gives each line once when several literals occur on it', () => {
    const text = 'a://b c://d\nnone\ne://f'
    const hits = new LiteralSet(['://']).scan(text)
    assert.deepEqual(
      hits.lines(['://']).map(([s, e]) => text.slice(s, e)),
      ['a://b c://d', 'e://f'],
    )
  })

  it('spells a word in lower, upper and capitalized case when names are matched', () => {
    assert.deepEqual(spellings('token'), ['token', 'TOKEN', 'Token'])
  })
})
