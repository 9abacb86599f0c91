import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fits, generalize, paramsOf } from './template.ts'
import { tokenize } from './tokenize.ts'

describe('template tokens', () => {
  it('fits a token to a template token when the literal pieces line up', () => {
    assert.ok(fits('node-<*>', 'node-246'))
    assert.ok(fits('<*>', 'anything'))
    assert.ok(fits('a=<*>,b=<*>', 'a=1,b=2'))
    assert.ok(!fits('node-<*>', 'host-1'))
    assert.ok(!fits('literal', 'other'))
  })

  it('extracts each wildcard value when the token fits', () => {
    assert.deepEqual(paramsOf('a=<*>,b=<*>', 'a=1,b=xyz'), ['1', 'xyz'])
    assert.deepEqual(paramsOf('<*>', 'v'), ['v'])
    assert.deepEqual(paramsOf('node-<*>', 'host-1'), [])
  })

  it('keeps the common prefix and suffix at delimiters when generalising', () => {
    assert.equal(generalize('tag="View"', 'tag="Wake"'), 'tag="<*>"')
    assert.equal(generalize('alice', 'bob'), '<*>')
    assert.equal(generalize('same', 'same'), 'same')
  })
})

describe('tokenize', () => {
  it('splits on runs of whitespace when a line has padding', () => {
    assert.deepEqual(tokenize('  a \t b   c '), ['a', 'b', 'c'])
    assert.deepEqual(tokenize('   '), [])
  })
})
