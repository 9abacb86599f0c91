import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { gluedUnits, isUnit, unitSuffix } from './units.ts'

const values = (...v: string[]) => new Map(v.map((x) => [x, 1]))

describe('units', () => {
  it('recognises size and time units with trailing punctuation', () => {
    for (const u of ['B', 'KB,', 'MiB', 'bytes', 'ms)', 'seconds.']) assert.ok(isUnit(u), u)
    for (const w of ['blocks', 'free', 'KBs', '<*>']) assert.ok(!isUnit(w), w)
    assert.equal(unitSuffix('KB,'), ',')
    assert.equal(unitSuffix('<*>)'), ')')
    assert.equal(unitSuffix('ms'), '')
  })

  it('glues every unit after a wildcard when one of them varies', () => {
    const tokens = ['size', '<*>', '<*>,', 'free', '<*>', 'KB)']
    assert.deepEqual(
      gluedUnits(tokens, (i) => (i === 2 ? values('KB,', 'B,') : null)),
      [2, 5],
    )
  })

  it('glues nothing when every unit stays the same', () => {
    assert.deepEqual(
      gluedUnits(['memory', '<*>', 'MB,', 'disk', '<*>', 'GB'], () => null),
      [],
    )
  })

  it('glues nothing when the varying words are not units', () => {
    assert.deepEqual(
      gluedUnits(['moved', '<*>', '<*>'], (i) => (i === 2 ? values('left', 'right') : null)),
      [],
    )
  })
})
