import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createPreparer } from './prepare.ts'

describe('createPreparer', () => {
  it('gives tokens, masked tokens, the masked line and the group when a line is new', () => {
    const prepare = createPreparer({ masks: [], lines: 10 })
    const p = prepare('  open file /tmp/a.txt in 35 ms ')
    assert.deepEqual(p.raw, ['open', 'file', '/tmp/a.txt', 'in', '35', 'ms'])
    assert.deepEqual(p.masked, ['open', 'file', '<*>', 'in', '<*>', 'ms'])
    assert.equal(p.key, 'open file <*> in <*> ms')
    assert.equal(p.group, '6 open')
  })

  it('puts a masked first token in the wildcard group', () => {
    const prepare = createPreparer({ masks: [], lines: 10 })
    assert.equal(prepare('42 lines read').group, '3 <*>')
  })

  it('returns the remembered preparation when a line comes a third time', () => {
    const prepare = createPreparer({ masks: [], lines: 10 })
    const a = prepare('user 7 logged in')
    const b = prepare('user 7 logged in')
    const c = prepare('user 7 logged in')
    assert.notEqual(a, b)
    assert.equal(b, c)
    assert.deepEqual(a, b)
  })

  it('applies user masks before the built-in ones', () => {
    const prepare = createPreparer({ masks: [{ name: 'ticket', pattern: /TCK-[A-Z]+/g }], lines: 0 })
    assert.equal(prepare('closed TCK-ABC today').key, 'closed <*> today')
  })
})
