/**
 * @module State snapshots: folding random journals with snapshots taken mid-way (and events appended meanwhile by
 * another connection, as another process would) gives exactly the state of a full fold; a snapshot of another
 * journal or projection version is ignored; losing the snapshot table never fails a read; audit verify is unaffected.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { createMemoryStore } from '../store/memory/index.ts'
import { createSqliteStore } from '../store/sqlite/index.ts'
import type { Store } from '../store/types.ts'
import { countingIds, FakeClock } from '../testing/fakes.ts'
import { seededRandom } from '../testing/fakes.ts'
import { realisticHistory } from '../testing/journal-history.ts'
import { Journal } from './journal.ts'
import { PROJECTION_VERSION, project } from './projection.ts'
import { STATE_SNAPSHOT } from './state-snapshot.ts'
import { verifyJournal } from './verify.ts'

const dir = mkdtempSync(join(tmpdir(), 'rina-snapshot-'))
after(() => rmSync(dir, { recursive: true, force: true }))

let files = 0
const ids = countingIds('evt').ids
const sqlite = (path = join(dir, `state-${++files}.db`)) => ({
  path,
  store: createSqliteStore({ path, ids, synchronous: 'normal' }),
})

/** The state of a full fold, without snapshots. */
const fullFold = async (store: Store) => project(await new Journal(store.journal, new FakeClock()).all())

describe('state snapshots', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`gives the state of a full fold when journal ${seed} is read between random appends of two processes`, async () => {
      const rnd = seededRandom(seed)
      const { path, store } = sqlite()
      const other = createSqliteStore({ path, ids, synchronous: 'normal' })
      try {
        const clock = new FakeClock()
        const every = 1 + Math.floor(rnd() * 60)
        const ours = new Journal(store.journal, clock, [], {
          snapshots: store.snapshots,
          snapshotEvery: every,
        })
        const theirs = new Journal(other.journal, clock, [], {
          snapshots: other.snapshots,
          snapshotEvery: every,
        })
        const drafts = realisticHistory(600 + Math.floor(rnd() * 600), seed)
        let saved = 0
        for (let i = 0; i < drafts.length;) {
          const k = 1 + Math.floor(rnd() * 90)
          await (rnd() < 0.5 ? ours : theirs).append(drafts.slice(i, i + k))
          i += k
          clock.advance(Math.floor(rnd() * 120_000))
          if (rnd() < 0.6) {
            const reader = rnd() < 0.5 ? ours : theirs
            assert.deepEqual(await reader.state(), await fullFold(store))
            const snap = await store.snapshots.get(STATE_SNAPSHOT)
            if (snap && snap.seq !== saved) saved = snap.seq
          }
        }
        assert.deepEqual(await ours.state(), await fullFold(store))
        assert.deepEqual(await theirs.state(), await fullFold(other))
        assert.ok(saved > 0, 'a snapshot was taken mid-way')
      } finally {
        await other.close()
        await store.close()
      }
    })
  }

  it('saves a snapshot only when more than snapshotEvery events were folded since the last one', async () => {
    const store = createMemoryStore(ids)
    const journal = new Journal(store.journal, new FakeClock(), [], {
      snapshots: store.snapshots,
      snapshotEvery: 10,
    })
    await journal.append(realisticHistory(10, 1))
    await journal.state()
    assert.equal(await store.snapshots.get(STATE_SNAPSHOT), null)
    await journal.append(realisticHistory(11, 2))
    await journal.state()
    const snap = await store.snapshots.get(STATE_SNAPSHOT)
    assert.equal(snap?.seq, 21)
    assert.equal(snap.version, PROJECTION_VERSION)
    assert.equal(snap.hash, (await store.journal.head()).hash)
    assert.deepEqual(JSON.parse(snap.body), await fullFold(store))
  })

  it('ignores a snapshot when its event no longer has its hash (the journal was replaced)', async () => {
    const a = createMemoryStore(ids)
    const b = createMemoryStore(ids)
    const opts = { snapshotEvery: 5 }
    await new Journal(a.journal, new FakeClock()).append(realisticHistory(300, 1))
    await new Journal(a.journal, new FakeClock(), [], { ...opts, snapshots: a.snapshots }).state()
    // b's journal is as long but holds other events; a's snapshot is copied over, as a restored backup would be.
    await new Journal(b.journal, new FakeClock()).append(realisticHistory(320, 2))
    const snap = (await a.snapshots.get(STATE_SNAPSHOT))!
    await b.snapshots.put(snap)
    const journal = new Journal(b.journal, new FakeClock(), [], { ...opts, snapshots: b.snapshots })
    assert.deepEqual(await journal.state(), await fullFold(b))
    assert.equal((await b.snapshots.get(STATE_SNAPSHOT))?.seq, 320)
  })

  it('ignores a snapshot when another projection version made it', async () => {
    const store = createMemoryStore(ids)
    await new Journal(store.journal, new FakeClock()).append(realisticHistory(40, 3))
    const head = await store.journal.head()
    await store.snapshots.put({
      name: STATE_SNAPSHOT,
      seq: head.seq,
      hash: head.hash,
      version: PROJECTION_VERSION + 1,
      body: JSON.stringify({ seq: head.seq, made: 'by another fold' }),
    })
    const journal = new Journal(store.journal, new FakeClock(), [], { snapshots: store.snapshots })
    assert.deepEqual(await journal.state(), await fullFold(store))
  })

  it('reads the state when the snapshot table cannot be read or written', async () => {
    const { path, store } = sqlite()
    try {
      const journal = new Journal(store.journal, new FakeClock(), [], {
        snapshots: store.snapshots,
        snapshotEvery: 5,
      })
      await journal.append(realisticHistory(50, 4))
      await journal.state()
      const db = new Database(path)
      db.exec('DROP TABLE snapshots')
      db.close()
      await assert.rejects(store.snapshots.get(STATE_SNAPSHOT))
      await journal.append(realisticHistory(50, 5))
      assert.deepEqual(await journal.state(), await fullFold(store))
    } finally {
      await store.close()
    }
  })

  it('leaves audit verify as it was when snapshots were saved', async () => {
    const { store } = sqlite()
    try {
      const journal = new Journal(store.journal, new FakeClock(), [], {
        snapshots: store.snapshots,
        snapshotEvery: 5,
      })
      await journal.append(realisticHistory(100, 6))
      await journal.state()
      assert.notEqual(await store.snapshots.get(STATE_SNAPSHOT), null)
      const report = await verifyJournal(store.journal)
      assert.equal(report.ok, true)
      assert.equal(report.verified, 100)
    } finally {
      await store.close()
    }
  })
})
