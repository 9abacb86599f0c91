/** @module lineSplitter cuts chunked output into lines the way a person reads them. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { lineSplitter, MAX_LINE } from './lines.ts'

const split = (chunks: (string | Buffer)[]) => {
  const lines: string[] = []
  const s = lineSplitter((l) => lines.push(l))
  for (const c of chunks) s.push(c)
  s.end()
  return lines
}

describe('lineSplitter', () => {
  const scenarios: [name: string, chunks: (string | Buffer)[], want: string[]][] = [
    ['joins a line split across chunks', ['dep', 'loying 1.2', '\nok\n'], ['deploying 1.2', 'ok']],
    ['drops the carriage return of CRLF endings', ['a\r\nb\r\n'], ['a', 'b']],
    ['flushes a last line without a newline at the end', ['a\nb'], ['a', 'b']],
    ['keeps empty lines between lines', ['a\n\nb\n'], ['a', '', 'b']],
    ['emits nothing for no output', [], []],
    [
      'decodes a UTF-8 character split across chunks',
      [Buffer.from([0xe2, 0x9c]), Buffer.from([0x93, 0x0a])],
      ['✓'],
    ],
  ]
  for (const [name, chunks, want] of scenarios)
    it(`${name} when splitting`, () => assert.deepEqual(split(chunks), want))

  it('cuts a line longer than the maximum into pieces when it has no newline', () => {
    const lines = split(['x'.repeat(MAX_LINE * 2 + 5)])
    assert.deepEqual(
      lines.map((l) => l.length),
      [MAX_LINE, MAX_LINE, 5],
    )
  })
})
