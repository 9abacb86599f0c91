/** @module The feed over PostgreSQL: appends by another instance arrive through LISTEN/NOTIFY, in order, once. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { JournalEvent } from '../domain/events.ts'
import { pgSkipReason, throwawayStore } from '../store/postgres/throwaway.ts'
import { drafts, TIME } from '../testing/journal.conformance.ts'
import { waitFor } from '../testing/wait-for.ts'
import { EventBus } from './event-bus.ts'
import { startFeed } from './feed.ts'

const skip = (await pgSkipReason()) ?? false

describe('journal feed over postgres', { skip }, () => {
  it('delivers events appended by another instance when NOTIFY tells of them', async () => {
    const store = await throwawayStore()
    const other = await store.sibling()
    try {
      const bus = new EventBus()
      const got: JournalEvent[] = []
      bus.subscribe(null, (e) => got.push(e))
      // A safety-net poll far beyond the test's span: only LISTEN can deliver in time.
      const feed = await startFeed({ bus, store, listenPollMs: 600_000 })
      assert.equal(feed.mode, 'listen')
      await Promise.all([
        other.journal.append(drafts(3), { time: TIME }),
        other.journal.append(drafts(2), { time: TIME }),
      ])
      await waitFor(() => got.length === 5)
      assert.deepEqual(
        got.map((e) => e.seq),
        [1, 2, 3, 4, 5],
      )
      await feed.stop()
    } finally {
      await other.close()
      await store.close()
    }
  })
})
