/**
 * @module The feed: in-process appends reach the bus at once; appends by another connection (SQLite file) arrive by
 * polling; gaps are filled from the store; nothing twice.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import type { JournalEvent } from '../domain/events.ts'
import { Journal } from '../journal/journal.ts'
import { createMemoryStore } from '../store/memory/index.ts'
import { createSqliteStore } from '../store/sqlite/index.ts'
import { countingIds, FakeClock } from '../testing/fakes.ts'
import { drafts, TIME } from '../testing/journal.conformance.ts'
import { waitFor } from '../testing/wait-for.ts'
import { EventBus } from './event-bus.ts'
import { startFeed } from './feed.ts'

const dir = mkdtempSync(join(tmpdir(), 'rina-feed-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const collect = (bus: EventBus) => {
  const got: JournalEvent[] = []
  bus.subscribe(null, (e) => got.push(e))
  return got
}

describe('journal feed', () => {
  it('publishes an append made through the journal before the append returns', async () => {
    const store = createMemoryStore(countingIds('evt').ids)
    const journal = new Journal(store.journal, new FakeClock())
    const bus = new EventBus()
    const got = collect(bus)
    const feed = await startFeed({ bus, store, journal })
    await journal.append(drafts(2))
    assert.deepEqual(
      got.map((e) => e.seq),
      [1, 2],
    )
    await feed.stop()
    await store.close()
  })

  it('delivers events appended by another connection when it polls the head', async () => {
    const path = join(dir, 'poll.db')
    const ids = countingIds('evt').ids
    const mine = createSqliteStore({ path, ids, synchronous: 'normal' })
    const other = createSqliteStore({ path, ids, synchronous: 'normal' })
    await mine.journal.append(drafts(3), { time: TIME })
    const bus = new EventBus({ after: (await mine.journal.head()).seq })
    const got = collect(bus)
    const feed = await startFeed({ bus, store: mine, pollMs: 20 })
    assert.equal(feed.mode, 'poll')
    await other.journal.append(drafts(4), { time: TIME })
    await waitFor(() => got.length === 4)
    assert.deepEqual(
      got.map((e) => e.seq),
      [4, 5, 6, 7],
    )
    await feed.stop()
    await Promise.all([mine.close(), other.close()])
  })

  it('fills the gap from the store when an in-process append follows one it did not hear of', async () => {
    const store = createMemoryStore(countingIds('evt').ids)
    const journal = new Journal(store.journal, new FakeClock())
    const bus = new EventBus()
    const got = collect(bus)
    const feed = await startFeed({ bus, store, journal, pollMs: 60_000 })
    await store.journal.append(drafts(2), { time: TIME })
    await journal.append(drafts(1))
    await waitFor(() => got.length === 3)
    assert.deepEqual(
      got.map((e) => e.seq),
      [1, 2, 3],
    )
    await feed.stop()
  })

  it('delivers each event once when the hook and the poll both see it', async () => {
    const path = join(dir, 'both.db')
    const store = createSqliteStore({ path, ids: countingIds('evt').ids, synchronous: 'normal' })
    const journal = new Journal(store.journal, new FakeClock())
    const bus = new EventBus()
    const got = collect(bus)
    const feed = await startFeed({ bus, store, journal, pollMs: 1 })
    for (let i = 0; i < 20; i++) await journal.append(drafts(3))
    await feed.sync()
    assert.deepEqual(
      got.map((e) => e.seq),
      Array.from({ length: 60 }, (_, i) => i + 1),
    )
    await feed.stop()
    await store.close()
  })

  it('leaves the journal unhooked when it stops', async () => {
    const store = createMemoryStore(countingIds('evt').ids)
    const journal = new Journal(store.journal, new FakeClock())
    const feed = await startFeed({ bus: new EventBus(), store, journal })
    assert.ok(journal.onAppended)
    await feed.stop()
    assert.equal(journal.onAppended, undefined)
  })
})
