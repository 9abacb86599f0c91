/**
 * @module The heartbeat conformance suite every store kind runs: a beat round-trips with its meta, newer beats
 * replace time and meta while older ones only count, keys stay apart, concurrent beats are all counted, and (with
 * a second instance) a beat recorded by one instance is read by the other.
 */
import assert from 'node:assert/strict'
import { describe } from 'node:test'
import type { HeartbeatRecord } from '../store/types.ts'
import type { StoreSuiteOptions } from './journal.conformance.ts'
import { NO_SIBLING, caseRunner, withSibling } from './journal.conformance.ts'

const T0 = Date.parse('2026-01-05T10:00:00.000Z')
const at = (ms: number) => new Date(T0 + ms)

/** A record with only the fields a case cares about given. */
const record = (over: Partial<HeartbeatRecord> = {}): HeartbeatRecord => ({
  key: 'mailer',
  at: at(0),
  count: 1,
  from: null,
  release: null,
  detail: null,
  ...over,
})

export function runHeartbeatConformance(opts: StoreSuiteOptions): void {
  const skip: Record<string, string> = { ...opts.skip }
  if (!opts.sibling) skip['reads a beat another instance recorded'] ??= NO_SIBLING
  const test = caseRunner({ ...opts, skip })

  describe(`heartbeat conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('knows no beat when none was recorded', async ({ heartbeats }) => {
      assert.equal(await heartbeats.last('mailer'), null)
      assert.deepEqual(await heartbeats.list(), [])
    })

    test('returns the time to the millisecond and the meta when a beat is recorded', async ({
      heartbeats,
    }) => {
      const meta = { from: 'worker@example.com', release: '1.4.2', detail: '12 jobs queued' }
      const beat = record({ at: at(123), ...meta })
      assert.deepEqual(await heartbeats.beat('mailer', at(123), meta), beat)
      assert.deepEqual(await heartbeats.last('mailer'), beat)
    })

    test('stores null meta when a beat says nothing but its time', async ({ heartbeats }) => {
      await heartbeats.beat('mailer', at(0))
      assert.deepEqual(await heartbeats.last('mailer'), record())
    })

    test('replaces the time and meta and counts when a newer beat arrives', async ({ heartbeats }) => {
      await heartbeats.beat('mailer', at(0), { from: 'a@example.com', release: '1.0.0', detail: 'first' })
      await heartbeats.beat('mailer', at(1_000), { from: 'b@example.com' })
      const after = await heartbeats.beat('mailer', at(2_000), { release: '1.1.0' })
      assert.deepEqual(after, record({ at: at(2_000), count: 3, release: '1.1.0' }))
      assert.deepEqual(await heartbeats.last('mailer'), after)
    })

    test('counts an older beat but keeps the newer time and meta when clocks disagree', async ({
      heartbeats,
    }) => {
      await heartbeats.beat('mailer', at(5_000), { detail: 'newest' })
      const after = await heartbeats.beat('mailer', at(1_000), { detail: 'late' })
      assert.deepEqual(after, record({ at: at(5_000), count: 2, detail: 'newest' }))
    })

    test('keeps keys apart and lists them by key', async ({ heartbeats }) => {
      await heartbeats.beat('queue', at(2_000))
      await heartbeats.beat('mailer', at(1_000))
      await heartbeats.beat('queue', at(3_000))
      assert.deepEqual(await heartbeats.list(), [
        record({ key: 'mailer', at: at(1_000) }),
        record({ key: 'queue', at: at(3_000), count: 2 }),
      ])
      assert.equal(await heartbeats.last('other'), null)
    })

    test('counts every beat when many arrive at once', async ({ heartbeats }) => {
      await Promise.all(Array.from({ length: 25 }, (_, i) => heartbeats.beat('mailer', at(i * 10))))
      assert.deepEqual(await heartbeats.last('mailer'), record({ at: at(240), count: 25 }))
    })

    test('reads a beat another instance recorded', async (store) => {
      await withSibling(opts, store, async (other) => {
        await other.heartbeats.beat('mailer', at(0), { from: 'worker@example.com' })
        assert.deepEqual(await store.heartbeats.last('mailer'), record({ from: 'worker@example.com' }))
        await store.heartbeats.beat('mailer', at(1_000))
        assert.equal((await other.heartbeats.last('mailer'))?.count, 2)
      })
    })
  })
}
