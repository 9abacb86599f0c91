import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { humanActor } from '../../domain/actor.ts'
import { countingIds } from '../../testing/fakes.ts'
import { createSqliteStore } from './index.ts'
import { verifySqlite } from './verify.ts'

describe('verifySqlite in parallel', () => {
  let dir: string
  before(() => (dir = mkdtempSync(join(tmpdir(), 'rina-pverify-'))))
  after(() => rmSync(dir, { recursive: true, force: true }))

  async function journal(n: number): Promise<string> {
    const path = join(dir, `${n}-${Math.random().toString(36).slice(2)}.db`)
    const store = createSqliteStore({ path, ids: countingIds('evt').ids })
    const drafts = Array.from({ length: n }, (_, i) => ({
      type: 'freeze.enabled' as const,
      actor: humanActor('ana'),
      reason: `r${i}`,
      payload: { env: 'production', until: null },
    }))
    await store.journal.append(drafts, { time: '2026-01-05T10:00:00.000Z' })
    await store.close()
    return path
  }
  const opts = { anchor: null, workers: 3, parallelFrom: 1 }

  it('agrees with a sequential pass when the chain is intact', async () => {
    const path = await journal(900)
    const v = await verifySqlite(path, 900, opts)
    assert.equal(v.firstBreak, null)
    assert.equal(v.verified, 900)
    assert.equal(v.head.seq, 900)
  })

  it('finds an edit inside the second range', async () => {
    const path = await journal(900)
    new Database(path).prepare(`UPDATE events SET reason = 'x' WHERE seq = 450`).run()
    const v = await verifySqlite(path, 900, opts)
    assert.deepEqual([v.firstBreak?.seq, v.firstBreak?.problem], [450, 'hash-mismatch'])
  })

  it('finds a missing event at a range boundary', async () => {
    const path = await journal(900)
    new Database(path).prepare('DELETE FROM events WHERE seq = 301').run()
    const v = await verifySqlite(path, 900, opts)
    assert.deepEqual([v.firstBreak?.seq, v.firstBreak?.problem], [301, 'sequence-gap'])
  })

  it('finds a whole range deleted', async () => {
    const path = await journal(900)
    new Database(path).prepare('DELETE FROM events WHERE seq BETWEEN 301 AND 600').run()
    const v = await verifySqlite(path, 900, opts)
    assert.deepEqual([v.firstBreak?.seq, v.firstBreak?.problem], [301, 'sequence-gap'])
  })

  it('finds a rewritten range whose own links are consistent', async () => {
    const path = await journal(900)
    // Forge the third range's first link: its prev_hash no longer continues range two.
    new Database(path).prepare(`UPDATE events SET prev_hash = ? WHERE seq = 601`).run('a'.repeat(64))
    const v = await verifySqlite(path, 900, opts)
    assert.equal(v.firstBreak?.seq, 601)
  })

  it('reports the first break when two ranges are damaged', async () => {
    const path = await journal(900)
    const db = new Database(path)
    db.prepare(`UPDATE events SET reason = 'x' WHERE seq = 800`).run()
    db.prepare(`UPDATE events SET reason = 'x' WHERE seq = 120`).run()
    const v = await verifySqlite(path, 900, opts)
    assert.equal(v.firstBreak?.seq, 120)
  })
})
