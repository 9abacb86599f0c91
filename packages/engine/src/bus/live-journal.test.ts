/**
 * @module LiveJournal answers exactly as Journal does (state, all, every kind of query), follows appends by another
 * connection, folds each event once under concurrent reads, and falls back to the store past its memory bound. With
 * a snapshot store it starts from the saved state, saves its own as it goes, and still answers as a full fold.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { humanActor, systemActor } from '../domain/actor.ts'
import type { EventDraft } from '../domain/events.ts'
import type { EventFilter } from '../journal/journal.ts'
import { Journal } from '../journal/journal.ts'
import { project } from '../journal/projection.ts'
import { STATE_SNAPSHOT } from '../journal/state-snapshot.ts'
import { createMemoryStore } from '../store/memory/index.ts'
import { createSqliteStore } from '../store/sqlite/index.ts'
import type { Store } from '../store/types.ts'
import { countingIds, FakeClock } from '../testing/fakes.ts'
import { seededRandom } from '../testing/fakes.ts'
import { realisticHistory } from '../testing/journal-history.ts'
import { LiveJournal } from './live-journal.ts'

const dir = mkdtempSync(join(tmpdir(), 'rina-live-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const mixed = (n: number): EventDraft[] =>
  Array.from({ length: n }, (_, i) =>
    i % 3 === 0
      ? {
          type: 'freeze.enabled',
          actor: humanActor('ana'),
          reason: `r${i}`,
          payload: { env: 'production', until: null },
        }
      : i % 3 === 1
        ? { type: 'freeze.disabled', actor: systemActor(), reason: `r${i}`, payload: { env: 'production' } }
        : {
            type: 'release.registered',
            actor: humanActor('bo'),
            reason: null,
            payload: { release: `1.${i}.0`, commit: null, branch: null, subject: null },
          },
  )

const FILTERS: EventFilter[] = [
  {},
  { types: ['freeze.*'] },
  { types: ['release.registered', 'freeze.disabled'], limit: 3 },
  { actor: 'human' },
  { actor: 'bo' },
  { actor: 'system:rina' },
  { fromSeq: 5, limit: 2 },
  { since: new Date('2026-01-05T10:00:00.000Z') },
  { since: new Date('2030-01-01T00:00:00.000Z') },
]

describe('LiveJournal', () => {
  for (const maxEvents of [200_000, 4]) {
    it(`answers state, all and queries as Journal does when it keeps up to ${maxEvents} events`, async () => {
      const store = createMemoryStore(countingIds('evt').ids)
      const clock = new FakeClock()
      const plain = new Journal(store.journal, clock)
      const live = new LiveJournal(store.journal, clock, [], { maxEvents })
      await plain.append(mixed(7))
      assert.deepEqual(await live.state(), await plain.state())
      await live.append(mixed(5))
      assert.deepEqual(await live.state(), await plain.state())
      assert.deepEqual(await live.all(), await plain.all())
      for (const f of FILTERS) assert.deepEqual(await live.query(f), await plain.query(f), JSON.stringify(f))
    })
  }

  it('sees appends made by another connection on its next read', async () => {
    const path = join(dir, 'live.db')
    const ids = countingIds('evt').ids
    const a = createSqliteStore({ path, ids, synchronous: 'normal' })
    const b = createSqliteStore({ path, ids, synchronous: 'normal' })
    const live = new LiveJournal(a.journal, new FakeClock())
    assert.equal((await live.state()).seq, 0)
    await new Journal(b.journal, new FakeClock()).append(mixed(3))
    assert.equal((await live.state()).seq, 3)
    assert.equal((await live.query({ types: ['release.*'] })).length, 1)
    await Promise.all([a.close(), b.close()])
  })

  it('folds each event once when reads run at the same time', async () => {
    const store = createMemoryStore(countingIds('evt').ids)
    const live = new LiveJournal(store.journal, new FakeClock())
    await new Journal(store.journal, new FakeClock()).append(mixed(30))
    const states = await Promise.all(Array.from({ length: 8 }, () => live.state()))
    const expected = await new Journal(store.journal, new FakeClock()).state()
    for (const s of states) assert.deepEqual(s, expected)
    assert.equal((await live.all()).length, 30)
  })

  it('throws and keeps its answer when a caller tries to change the state it was given', async () => {
    const store = createMemoryStore(countingIds('evt').ids)
    const live = new LiveJournal(store.journal, new FakeClock())
    await live.append(mixed(1))
    const s = await live.state()
    assert.throws(() => (s.freezes = {}), TypeError)
    assert.throws(() => delete s.freezes.production, TypeError)
    assert.ok((await live.state()).freezes.production)
    await live.append(mixed(2))
    assert.equal((await live.state()).seq, 3)
  })

  for (const maxEvents of [200_000, 50]) {
    it(`matches a full fold when it starts from a snapshot and another process appends, keeping up to ${maxEvents} events`, async () => {
      const rnd = seededRandom(maxEvents)
      const path = join(dir, `snap-${maxEvents}.db`)
      const ids = countingIds('evt').ids
      const ours = createSqliteStore({ path, ids, synchronous: 'normal' })
      const theirs = createSqliteStore({ path, ids, synchronous: 'normal' })
      try {
        const clock = new FakeClock()
        const other = new Journal(theirs.journal, clock, [], {
          snapshots: theirs.snapshots,
          snapshotEvery: 100,
        })
        const drafts = realisticHistory(1_500, 11)
        await other.append(drafts.slice(0, 700))
        await other.state()
        await other.append(drafts.slice(700, 900))
        const saved = (await ours.snapshots.get(STATE_SNAPSHOT))!.seq
        assert.equal(saved, 700)

        const live = new LiveJournal(ours.journal, clock, [], {
          maxEvents,
          snapshots: ours.snapshots,
          snapshotEvery: 150,
        })
        assert.deepEqual(await live.state(), await fullFold(ours))
        assert.equal((await ours.snapshots.get(STATE_SNAPSHOT))!.seq, 900, 'saved after 200 events past 700')
        for (let i = 900; i < drafts.length;) {
          const k = 1 + Math.floor(rnd() * 60)
          await (rnd() < 0.7 ? other : live).append(drafts.slice(i, i + k))
          i += k
          clock.advance(Math.floor(rnd() * 120_000))
          if (rnd() < 0.5) assert.deepEqual(await live.state(), await fullFold(ours))
        }
        assert.deepEqual(await live.state(), await fullFold(ours))
        const plain = new Journal(ours.journal, clock)
        assert.deepEqual(await live.all(), await plain.all())
        for (const f of FILTERS)
          assert.deepEqual(await live.query(f), await plain.query(f), JSON.stringify(f))

        await live.saveSnapshot()
        assert.equal((await ours.snapshots.get(STATE_SNAPSHOT))!.seq, drafts.length, 'saved on stop')
        const restarted = new LiveJournal(theirs.journal, clock, [], {
          maxEvents,
          snapshots: theirs.snapshots,
        })
        assert.deepEqual(await restarted.state(), await fullFold(theirs))
        assert.deepEqual(
          await restarted.query({ types: ['deploy.*'] }),
          await plain.query({ types: ['deploy.*'] }),
        )
      } finally {
        await Promise.all([ours.close(), theirs.close()])
      }
    })
  }

  it('takes the state saved in the snapshot instead of folding the events before it', async () => {
    const store = createMemoryStore(countingIds('evt').ids)
    const journal = new Journal(store.journal, new FakeClock(), [], {
      snapshots: store.snapshots,
      snapshotEvery: 10,
    })
    await journal.append(mixed(30))
    await journal.state()
    const snap = (await store.snapshots.get(STATE_SNAPSHOT))!
    const marked = { ...JSON.parse(snap.body), lastUnfreeze: {} }
    await store.snapshots.put({ ...snap, body: JSON.stringify(marked) })
    const live = new LiveJournal(store.journal, new FakeClock(), [], { snapshots: store.snapshots })
    assert.deepEqual(await live.state(), marked)
    assert.notDeepEqual(marked, await fullFold(store))
    assert.equal((await live.all()).length, 30, 'the events before the snapshot are still read for queries')
  })
})

/** The state of a full fold, without snapshots. */
const fullFold = async (store: Store) => project(await new Journal(store.journal, new FakeClock()).all())
