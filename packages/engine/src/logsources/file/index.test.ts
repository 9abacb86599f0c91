import assert from 'node:assert/strict'
import {
  appendFileSync,
  copyFileSync,
  mkdtempSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { runLogSourceConformance, sourceContext } from '../../testing/logsource.conformance.ts'
import type { LogLine } from '../types.ts'
import { fileLogSource } from './index.ts'
import { fileLogSourceSchema } from './schema.ts'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rina-file-source-'))
  dirs.push(d)
  return d
}
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const source = (path: string, from: 'start' | 'end' = 'start') =>
  fileLogSource(fileLogSourceSchema.parse({ type: 'file', path, from }), { name: 'app', pollMs: 50 })

/** An open follower whose lines are read a few at a time. */
function reader(path: string, from: 'start' | 'end' = 'start') {
  const stop = new AbortController()
  const it = source(path, from).open(null, sourceContext(stop.signal))[Symbol.asyncIterator]()
  return {
    async next(n: number): Promise<string[]> {
      const out: string[] = []
      while (out.length < n) {
        const r = await it.next()
        if (r.done) break
        out.push(r.value.text)
      }
      return out
    },
    pending: () => it.next() as Promise<IteratorResult<LogLine>>,
    async stop() {
      stop.abort()
      await it.return?.()
    },
  }
}

runLogSourceConformance({
  name: 'file',
  async create() {
    const path = join(tempDir(), 'app.log')
    writeFileSync(path, '')
    return {
      source: source(path),
      name: 'app',
      write: (lines) => appendFile(path, lines.map((l) => `${l}\n`).join('')),
      close: async () => {},
    }
  },
})

describe('fileLogSource', () => {
  it('finishes the old file then continues on the new one when the file is rotated by rename', async () => {
    const path = join(tempDir(), 'app.log')
    writeFileSync(path, 'a\nb\n')
    const r = reader(path)
    assert.deepEqual(await r.next(2), ['a', 'b'])
    renameSync(path, `${path}.1`)
    appendFileSync(`${path}.1`, 'c\nlast words without newline')
    writeFileSync(path, 'd\ne\n')
    assert.deepEqual(await r.next(4), ['c', 'last words without newline', 'd', 'e'])
    await r.stop()
  })

  it('restarts at the beginning when the file is truncated in place (copytruncate)', async () => {
    const path = join(tempDir(), 'app.log')
    writeFileSync(path, 'a fairly long first line\nanother long line\n')
    const r = reader(path)
    assert.deepEqual(await r.next(2), ['a fairly long first line', 'another long line'])
    copyFileSync(path, `${path}.1`)
    truncateSync(path, 0)
    appendFileSync(path, 'fresh\n')
    assert.deepEqual(await r.next(1), ['fresh'])
    await r.stop()
  })

  it('holds a partial last line until its newline is written', async () => {
    const path = join(tempDir(), 'app.log')
    writeFileSync(path, '')
    const r = reader(path)
    const first = r.next(1)
    appendFileSync(path, 'first\nhel')
    assert.deepEqual(await first, ['first'])
    appendFileSync(path, 'lo world\n')
    assert.deepEqual(await r.next(1), ['hello world'])
    await r.stop()
  })

  it('skips what the file already holds when following from the end', async () => {
    const path = join(tempDir(), 'app.log')
    writeFileSync(path, 'old 1\nold 2\n')
    const r = reader(path, 'end')
    const pending = r.pending()
    let settled = false
    void pending.then(() => (settled = true))
    for (let i = 0; !settled; i++) {
      appendFileSync(path, `new ${i}\n`)
      await sleep(20)
    }
    assert.match((await pending).value!.text, /^new \d+$/)
    await r.stop()
  })

  it('reads a file from its start when it appears after the follower opened', async () => {
    const path = join(tempDir(), 'later.log')
    const r = reader(path, 'end')
    const lines = r.next(2)
    await sleep(30)
    writeFileSync(path, 'born\nsecond\n')
    assert.deepEqual(await lines, ['born', 'second'])
    await r.stop()
  })

  it('starts the current file at 0 when resuming from a cursor of a file rotated away', async () => {
    const path = join(tempDir(), 'app.log')
    writeFileSync(path, 'one\n')
    const s = source(path)
    const stop = new AbortController()
    let cursor = null
    for await (const l of s.open(null, sourceContext(stop.signal))) {
      cursor = l.cursor
      break
    }
    renameSync(path, `${path}.1`)
    writeFileSync(path, 'two\n')
    const again = new AbortController()
    for await (const l of s.open(cursor, sourceContext(again.signal))) {
      assert.equal(l.text, 'two')
      break
    }
  })
})
