import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { interpolate } from './interpolate.ts'

describe('interpolate', () => {
  it('replaces a reference and reports the value as taken from the environment when the variable is set', () => {
    const r = interpolate('https://hooks.example.com/${TOKEN}', { TOKEN: 'abc123' })
    assert.equal(r.value, 'https://hooks.example.com/abc123')
    assert.deepEqual(
      r.fromEnv.map((f) => [f.ref.name, f.value]),
      [['TOKEN', 'abc123']],
    )
    assert.equal(r.whole, false)
  })
  it('uses the default and reports no secret when the variable is unset or empty', () => {
    assert.equal(interpolate('${PORT:-587}', {}).value, '587')
    assert.equal(interpolate('${PORT:-587}', { PORT: '' }).value, '587')
    assert.deepEqual(interpolate('${PORT:-587}', {}).fromEnv, [])
  })
  it('reports a missing variable with its offset when it has no default', () => {
    const r = interpolate('x ${A} ${B}', { A: 'a' })
    assert.deepEqual(r.missing, [{ text: '${B}', name: 'B', index: 7 }])
    assert.equal(r.value, 'x a ${B}')
  })
  it('keeps an empty value when the variable is set to empty and has no default', () => {
    assert.equal(interpolate('${A}', { A: '' }).value, '')
  })
  it('writes a literal ${ when it is escaped as $${', () => {
    assert.equal(interpolate('echo $${HOME} $1 $', { HOME: '/root' }).value, 'echo ${HOME} $1 $')
  })
  it('reports malformed references when the name is invalid or the brace is not closed', () => {
    assert.deepEqual(
      interpolate('${1X} and ${OPEN', {}).malformed.map((m) => m.text),
      ['${1X}', '${OPEN'],
    )
  })
  it('marks the string as whole when it is exactly one reference', () => {
    assert.equal(interpolate('${PORT}', { PORT: '25' }).whole, true)
    assert.equal(interpolate('${PORT}x', { PORT: '25' }).whole, false)
  })
})
