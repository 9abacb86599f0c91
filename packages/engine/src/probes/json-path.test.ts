import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { jsonEqual, lookupJsonPath, parseJsonPath, type PathStep } from './json-path.ts'

describe('parseJsonPath', () => {
  const scenarios: { path: string; steps: PathStep[] | string }[] = [
    { path: '$', steps: [] },
    { path: '$.a.b[0].c', steps: ['a', 'b', 0, 'c'] },
    { path: '$[\'odd key\']["x.y"]', steps: ['odd key', 'x.y'] },
    { path: '$.items[-1]', steps: ['items', -1] },
    { path: '$.kebab-case', steps: ['kebab-case'] },
    { path: 'a.b', steps: 'JSON path a.b must start with $' },
    { path: '$.a..b', steps: 'JSON path $.a..b cannot be read at "..b"' },
    { path: '$.a[*]', steps: 'JSON path $.a[*] cannot be read at "[*]"' },
  ]
  for (const s of scenarios) {
    it(`reads ${s.path} when parsing`, () => {
      const r = parseJsonPath(s.path)
      assert.deepEqual(r.ok ? r.steps : r.error, s.steps)
    })
  }
})

describe('lookupJsonPath', () => {
  const doc = { a: { b: [{ c: 1 }, { c: null }] }, list: [1, 2, 3] }
  it('finds the value when every step exists', () => {
    assert.deepEqual(lookupJsonPath(doc, ['a', 'b', 0, 'c']), { found: true, value: 1 })
  })
  it('finds null when the value is null', () => {
    assert.deepEqual(lookupJsonPath(doc, ['a', 'b', 1, 'c']), { found: true, value: null })
  })
  it('counts from the end when the index is negative', () => {
    assert.deepEqual(lookupJsonPath(doc, ['list', -1]), { found: true, value: 3 })
  })
  it('names the first missing step when a key is absent', () => {
    assert.deepEqual(lookupJsonPath(doc, ['a', 'x', 'y']), { found: false, missing: '$.a.x' })
  })
  it('reports a missing index when the array is too short or not an array', () => {
    assert.deepEqual(lookupJsonPath(doc, ['list', 5]), { found: false, missing: '$.list[5]' })
    assert.deepEqual(lookupJsonPath(doc, ['a', 0]), { found: false, missing: '$.a[0]' })
  })
  it('does not read inherited properties when a key names one', () => {
    assert.deepEqual(lookupJsonPath({}, ['constructor']), { found: false, missing: '$.constructor' })
  })
})

describe('jsonEqual', () => {
  const scenarios: [unknown, unknown, boolean][] = [
    [1, 1, true],
    ['1', 1, false],
    [null, null, true],
    [null, {}, false],
    [{ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [[1, 2], [2, 1], false],
    [[], {}, false],
  ]
  for (const [a, b, equal] of scenarios) {
    it(`says ${equal} when comparing ${JSON.stringify(a)} with ${JSON.stringify(b)}`, () => {
      assert.equal(jsonEqual(a, b), equal)
    })
  }
})
