import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, beforeEach, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { humanActor } from '../domain/actor.ts'
import { createSqliteStore } from '../store/sqlite/index.ts'
import type { Store } from '../store/types.ts'
import { countingIds } from '../testing/fakes.ts'
import { verifyJournal } from './verify.ts'

describe('verifyJournal', () => {
  let dir: string
  let path: string
  let store: Store
  let raw: Database.Database

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'rina-verify-'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  beforeEach(async () => {
    path = join(dir, `${Math.random().toString(36).slice(2)}.db`)
    store = createSqliteStore({ path, ids: countingIds('evt').ids })
    for (let i = 1; i <= 10; i++) {
      await store.journal.append(
        [
          {
            type: 'freeze.enabled',
            actor: humanActor('ana'),
            reason: `reason ${i}`,
            payload: { env: 'production', until: null },
          },
        ],
        { time: `2026-01-05T10:00:${String(i).padStart(2, '0')}.000Z` },
      )
    }
    raw = new Database(path)
  })

  const verify = (anchor?: string) => verifyJournal(store.journal, anchor ? { anchor } : {})

  it('passes when the journal is intact', async () => {
    const r = await verify()
    assert.equal(r.ok, true)
    assert.equal(r.verified, 10)
    assert.equal(r.head.seq, 10)
  })

  it('names the edited event when a payload is changed', async () => {
    raw.prepare(`UPDATE events SET payload = '{"env":"staging","until":null}' WHERE seq = 4`).run()
    const r = await verify()
    assert.deepEqual([r.ok, r.break?.seq, r.break?.problem], [false, 4, 'hash-mismatch'])
  })

  it('names the edited event when the actor is changed', async () => {
    raw.prepare(`UPDATE events SET actor_id = 'mallory' WHERE seq = 7`).run()
    const r = await verify()
    assert.deepEqual([r.break?.seq, r.break?.problem], [7, 'hash-mismatch'])
  })

  it('detects an edit even when the attacker recomputes that event hash', async () => {
    // Rewriting one event and its own hash breaks the link from its successor.
    const { hashEvent } = await import('./chain.ts')
    const row = raw.prepare('SELECT * FROM events WHERE seq = 5').get() as Record<
      string,
      string | number | null
    >
    const forged = {
      seq: 5,
      id: row.id as string,
      time: row.time as string,
      type: row.type as string,
      actorKind: row.actor_kind as string,
      actorId: 'mallory',
      reason: row.reason as string,
      payload: row.payload as string,
      prevHash: row.prev_hash as string,
    }
    raw.prepare('UPDATE events SET actor_id = ?, hash = ? WHERE seq = 5').run('mallory', hashEvent(forged))
    const r = await verify()
    assert.deepEqual([r.break?.seq, r.break?.problem], [6, 'prev-hash-mismatch'])
  })

  it('names the missing sequence when an event is deleted', async () => {
    raw.prepare('DELETE FROM events WHERE seq = 3').run()
    const r = await verify()
    assert.deepEqual([r.ok, r.break?.seq, r.break?.problem], [false, 3, 'sequence-gap'])
  })

  it('detects an inserted event when later events are renumbered to make room', async () => {
    raw.exec(
      'UPDATE events SET seq = seq + 100 WHERE seq >= 6; UPDATE events SET seq = seq - 99 WHERE seq >= 106',
    )
    raw
      .prepare(
        `INSERT INTO events (seq, id, time, type, actor_kind, actor_id, reason, payload, prev_hash, hash)
         SELECT 6, 'evt_forged', time, type, actor_kind, 'mallory', 'forged', payload, hash, hash FROM events WHERE seq = 5`,
      )
      .run()
    const r = await verify()
    assert.equal(r.ok, false)
    assert.equal(r.break?.seq, 6)
  })

  it('detects two events swapped in order', async () => {
    const swap = raw.transaction(() => {
      raw.exec(
        'UPDATE events SET seq = -1 WHERE seq = 8; UPDATE events SET seq = 8 WHERE seq = 9; UPDATE events SET seq = 9 WHERE seq = -1',
      )
    })
    swap()
    const r = await verify()
    assert.deepEqual([r.ok, r.break?.seq], [false, 8])
  })

  it('detects truncation of the tail against an anchor', async () => {
    const anchor = (await store.journal.head()).hash
    raw.prepare('DELETE FROM events WHERE seq >= 9').run()
    assert.equal((await verify()).ok, true, 'without an anchor a truncated chain still verifies')
    const r = await verify(anchor)
    assert.deepEqual([r.ok, r.break?.seq, r.break?.problem], [false, 9, 'anchor-missing'])
  })

  it('accepts an anchor that is still present, also as SEQ:HASH', async () => {
    const head = await store.journal.head()
    await store.journal.append(
      [{ type: 'freeze.disabled', actor: humanActor('ana'), reason: 'ok', payload: { env: 'production' } }],
      { time: '2026-01-05T11:00:00.000Z' },
    )
    const r = await verify(`${head.seq}:${head.hash}`)
    assert.deepEqual([r.ok, r.anchor?.seq], [true, 10])
  })
})
