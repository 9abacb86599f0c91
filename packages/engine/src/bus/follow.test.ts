/** @module Following the journal: replay after a point, then live, with nothing lost or twice. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Journal } from '../journal/journal.ts'
import { createMemoryStore } from '../store/memory/index.ts'
import type { JournalStore } from '../store/types.ts'
import { countingIds, FakeClock } from '../testing/fakes.ts'
import { drafts, TIME } from '../testing/journal.conformance.ts'
import { EventBus } from './event-bus.ts'
import { startFeed } from './feed.ts'
import { followJournal } from './follow.ts'

async function setup(stored: number) {
  const store = createMemoryStore(countingIds('evt').ids)
  if (stored) await store.journal.append(drafts(stored), { time: TIME })
  const journal = new Journal(store.journal, new FakeClock())
  const bus = new EventBus({ after: stored })
  const feed = await startFeed({ bus, store, journal, pollMs: 60_000 })
  return { store, journal, bus, feed }
}

describe('followJournal', () => {
  it('replays the events after the given sequence and then continues live', async () => {
    const { store, journal, bus, feed } = await setup(5)
    const got: number[] = []
    const f = followJournal({ bus, journal: store.journal, after: 2, onEvent: (e) => got.push(e.seq) })
    await f.ready
    await journal.append(drafts(2))
    assert.deepEqual(got, [3, 4, 5, 6, 7])
    f.stop()
    await feed.stop()
  })

  it('starts with live events only when no starting point is given', async () => {
    const { store, journal, bus, feed } = await setup(3)
    const got: number[] = []
    const f = followJournal({ bus, journal: store.journal, onEvent: (e) => got.push(e.seq) })
    await f.ready
    await journal.append(drafts(1))
    assert.deepEqual(got, [4])
    f.stop()
    await feed.stop()
  })

  it('loses and repeats nothing when events are appended while the replay reads', async () => {
    const { store, journal, bus, feed } = await setup(6)
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const slow: JournalStore = {
      ...store.journal,
      read: async (q) => {
        await gate
        return store.journal.read(q)
      },
    }
    const got: number[] = []
    const f = followJournal({ bus, journal: slow, after: 0, batch: 4, onEvent: (e) => got.push(e.seq) })
    await journal.append(drafts(3))
    release()
    await f.ready
    await journal.append(drafts(1))
    assert.deepEqual(got, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    f.stop()
    await feed.stop()
  })

  it('passes only matching events and still advances its position when a filter is given', async () => {
    const { store, journal, bus, feed } = await setup(0)
    const got: number[] = []
    const f = followJournal({
      bus,
      journal: store.journal,
      after: 0,
      filter: { env: 'staging' },
      onEvent: (e) => got.push(e.seq),
    })
    await f.ready
    await journal.append([...drafts(2, 'production'), ...drafts(1, 'staging')])
    assert.deepEqual(got, [3])
    assert.equal(f.position, 3)
    f.stop()
    await feed.stop()
  })

  it('delivers nothing more when stopped', async () => {
    const { store, journal, bus, feed } = await setup(0)
    const got: number[] = []
    const f = followJournal({ bus, journal: store.journal, onEvent: (e) => got.push(e.seq) })
    await f.ready
    f.stop()
    await journal.append(drafts(1))
    assert.deepEqual(got, [])
    await feed.stop()
  })
})
