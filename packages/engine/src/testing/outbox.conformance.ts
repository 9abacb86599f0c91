/**
 * @module The outbox conformance suite every store kind runs: idempotent enqueue, claims that respect due time
 * and leases, reclaim after an expired lease, settle (final states stay final), requeue of dead items, list and
 * get, and disjoint claims when dispatchers claim at once (within one instance and across two).
 */
import assert from 'node:assert/strict'
import { describe } from 'node:test'
import type { OutboxItem, OutboxStore } from '../store/types.ts'
import type { StoreSuiteOptions } from './journal.conformance.ts'
import { NO_SIBLING, caseRunner, withSibling } from './journal.conformance.ts'

const T0 = 1_700_000_000_000
const LEASE = 30_000

type NewItem = Pick<OutboxItem, 'id' | 'channel' | 'idempotencyKey' | 'body'>

/** An item to enqueue; `n` names it, the key is `ntf-<n>:<channel>`. */
export const outboxItem = (n: number, channel = 'ops'): NewItem => ({
  id: `item-${n}`,
  channel,
  idempotencyKey: `ntf-${n}:${channel}`,
  body: JSON.stringify({ channel, notification: { id: `ntf-${n}` } }),
})

const ids = (items: readonly OutboxItem[]) => items.map((i) => i.id)

/** Enqueues items one call each, a millisecond apart, so creation order is unambiguous. */
async function seed(outbox: OutboxStore, count: number, start = T0): Promise<void> {
  for (let n = 1; n <= count; n++) await outbox.enqueue([outboxItem(n)], start + n - 1)
}

export function runOutboxConformance(opts: StoreSuiteOptions): void {
  const skip: Record<string, string> = { ...opts.skip }
  if (!opts.sibling) skip['claims disjoint items when two instances claim at once'] ??= NO_SIBLING
  const test = caseRunner({ ...opts, skip })

  describe(`outbox conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('stores enqueued items as pending, due at once, with no attempts when enqueued', async ({
      outbox,
    }) => {
      await outbox.enqueue([outboxItem(1)], T0)
      assert.deepEqual(await outbox.get('item-1'), {
        ...outboxItem(1),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: T0,
        leaseUntil: null,
        lastError: null,
        createdAt: T0,
        updatedAt: T0,
      })
    })

    test('stores an item once when its idempotency key is enqueued again', async ({ outbox }) => {
      const again = { ...outboxItem(1), id: 'item-1-again', body: '{"other":true}' }
      await outbox.enqueue([outboxItem(1), again], T0)
      await outbox.enqueue([again], T0 + 5)
      const all = await outbox.list()
      assert.deepEqual(ids(all), ['item-1'])
      assert.equal(all[0]!.body, outboxItem(1).body)
      assert.equal(all[0]!.createdAt, T0)
    })

    test('rejects the whole batch when an id is reused under another key', async ({ outbox }) => {
      await outbox.enqueue([outboxItem(1)], T0)
      const clash = { ...outboxItem(3), id: 'item-1' }
      await assert.rejects(outbox.enqueue([outboxItem(2), clash], T0 + 1))
      assert.deepEqual(ids(await outbox.list()), ['item-1'])
      assert.equal((await outbox.get('item-1'))!.idempotencyKey, outboxItem(1).idempotencyKey)
    })

    test('claims only due items, counting the attempt and leasing them when some are not due', async ({
      outbox,
    }) => {
      await outbox.enqueue([outboxItem(1)], T0)
      await outbox.enqueue([outboxItem(2)], T0 + 10_000)
      const claimed = await outbox.claim(10, T0 + 1_000, LEASE)
      assert.deepEqual(ids(claimed), ['item-1'])
      assert.equal(claimed[0]!.attempts, 1)
      assert.equal(claimed[0]!.leaseUntil, T0 + 1_000 + LEASE)
      assert.equal(claimed[0]!.updatedAt, T0 + 1_000)
      assert.deepEqual(await outbox.get('item-1'), claimed[0])
    })

    test('claims in due order up to the limit when more are due', async ({ outbox }) => {
      await seed(outbox, 5)
      await outbox.settle('item-1', { kind: 'retry', at: T0 + 50, error: 'server: HTTP 500' }, T0 + 10)
      assert.deepEqual(await outbox.claim(0, T0 + 100, LEASE), [])
      assert.deepEqual(ids(await outbox.claim(2, T0 + 100, LEASE)), ['item-2', 'item-3'])
      assert.deepEqual(ids(await outbox.claim(10, T0 + 100, LEASE)), ['item-4', 'item-5', 'item-1'])
    })

    test('does not hand out a leased item again until its lease expires', async ({ outbox }) => {
      await seed(outbox, 1)
      await outbox.claim(10, T0, LEASE)
      assert.deepEqual(await outbox.claim(10, T0 + LEASE - 1, LEASE), [])
      const again = await outbox.claim(10, T0 + LEASE, LEASE)
      assert.deepEqual(ids(again), ['item-1'])
      assert.equal(again[0]!.attempts, 2)
      assert.equal(again[0]!.leaseUntil, T0 + 2 * LEASE)
    })

    test('marks an item delivered and never claims it again when settled delivered', async ({ outbox }) => {
      await seed(outbox, 1)
      await outbox.claim(10, T0, LEASE)
      await outbox.settle('item-1', { kind: 'delivered' }, T0 + 5)
      const item = await outbox.get('item-1')
      assert.deepEqual(
        {
          status: item!.status,
          leaseUntil: item!.leaseUntil,
          lastError: item!.lastError,
          updatedAt: item!.updatedAt,
        },
        { status: 'delivered', leaseUntil: null, lastError: null, updatedAt: T0 + 5 },
      )
      assert.deepEqual(await outbox.claim(10, T0 + 10 * LEASE, LEASE), [])
    })

    test('keeps a retried item pending until its next attempt time when settled retry', async ({
      outbox,
    }) => {
      await seed(outbox, 1)
      await outbox.claim(10, T0, LEASE)
      await outbox.settle('item-1', { kind: 'retry', at: T0 + 2_000, error: 'network: ECONNREFUSED' }, T0 + 5)
      const item = await outbox.get('item-1')
      assert.deepEqual(
        {
          status: item!.status,
          leaseUntil: item!.leaseUntil,
          next: item!.nextAttemptAt,
          err: item!.lastError,
        },
        { status: 'pending', leaseUntil: null, next: T0 + 2_000, err: 'network: ECONNREFUSED' },
      )
      assert.deepEqual(await outbox.claim(10, T0 + 1_999, LEASE), [])
      assert.deepEqual(ids(await outbox.claim(10, T0 + 2_000, LEASE)), ['item-1'])
    })

    test('moves an item to dead with its error when settled dead', async ({ outbox }) => {
      await seed(outbox, 1)
      await outbox.claim(10, T0, LEASE)
      await outbox.settle('item-1', { kind: 'dead', error: 'client: HTTP 404' }, T0 + 5)
      const item = await outbox.get('item-1')
      assert.deepEqual([item!.status, item!.lastError, item!.leaseUntil], ['dead', 'client: HTTP 404', null])
      assert.deepEqual(await outbox.claim(10, T0 + 10 * LEASE, LEASE), [])
      assert.deepEqual(ids(await outbox.list({ status: 'dead' })), ['item-1'])
    })

    test('leaves a delivered or dead item as it is when settled again', async ({ outbox }) => {
      await seed(outbox, 2)
      await outbox.claim(10, T0, LEASE)
      await outbox.settle('item-1', { kind: 'delivered' }, T0 + 5)
      await outbox.settle('item-2', { kind: 'dead', error: 'client: HTTP 400' }, T0 + 5)
      const before = await outbox.list()
      await outbox.settle('item-1', { kind: 'dead', error: 'late' }, T0 + 9)
      await outbox.settle('item-2', { kind: 'retry', at: T0 + 10, error: 'late' }, T0 + 9)
      await outbox.settle('item-2', { kind: 'delivered' }, T0 + 9)
      assert.deepEqual(await outbox.list(), before)
    })

    test('ignores a settle for an unknown id', async ({ outbox }) => {
      await outbox.settle('nope', { kind: 'delivered' }, T0)
      assert.equal(await outbox.get('nope'), null)
    })

    test('requeues dead items as fresh pending ones when asked for all or some', async ({ outbox }) => {
      await seed(outbox, 4)
      await outbox.claim(10, T0 + 10, LEASE)
      for (const id of ['item-1', 'item-2', 'item-3'])
        await outbox.settle(id, { kind: 'dead', error: 'x' }, T0 + 20)
      assert.deepEqual(await outbox.requeueDead(['item-2', 'item-4', 'missing'], T0 + 100), ['item-2'])
      const two = await outbox.get('item-2')
      assert.deepEqual(
        [two!.status, two!.attempts, two!.nextAttemptAt, two!.leaseUntil, two!.updatedAt],
        ['pending', 0, T0 + 100, null, T0 + 100],
      )
      assert.deepEqual([...(await outbox.requeueDead(null, T0 + 200))].sort(), ['item-1', 'item-3'])
      assert.deepEqual(await outbox.requeueDead(null, T0 + 300), [])
      assert.deepEqual(await outbox.requeueDead([], T0 + 300), [])
      assert.deepEqual(ids(await outbox.claim(10, T0 + 200, LEASE)).sort(), ['item-1', 'item-2', 'item-3'])
    })

    test('lists newest first, by status and up to a limit', async ({ outbox }) => {
      await seed(outbox, 4)
      await outbox.enqueue([outboxItem(5), outboxItem(6)], T0 + 10)
      await outbox.claim(1, T0 + 20, LEASE)
      await outbox.settle('item-1', { kind: 'delivered' }, T0 + 21)
      assert.deepEqual(ids(await outbox.list()), ['item-6', 'item-5', 'item-4', 'item-3', 'item-2', 'item-1'])
      assert.deepEqual(ids(await outbox.list({ status: 'pending', limit: 2 })), ['item-6', 'item-5'])
      assert.deepEqual(ids(await outbox.list({ status: 'delivered' })), ['item-1'])
      assert.deepEqual(await outbox.list({ status: 'dead' }), [])
    })

    test('returns copies that do not change the store when a caller edits them', async ({ outbox }) => {
      await seed(outbox, 1)
      const [claimed] = await outbox.claim(1, T0, LEASE)
      claimed!.status = 'dead'
      const listed = await outbox.list()
      listed[0]!.attempts = 99
      const got = await outbox.get('item-1')
      assert.deepEqual([got!.status, got!.attempts], ['pending', 1])
    })

    test('claims disjoint items when dispatchers claim at once', async ({ outbox }) => {
      await outbox.enqueue(
        Array.from({ length: 40 }, (_, i) => outboxItem(i + 1)),
        T0,
      )
      const rounds = await Promise.all(Array.from({ length: 8 }, () => outbox.claim(7, T0, LEASE)))
      assertDisjointCover(rounds, 40)
    })

    test('claims disjoint items when two instances claim at once', async (store) => {
      await store.outbox.enqueue(
        Array.from({ length: 40 }, (_, i) => outboxItem(i + 1)),
        T0,
      )
      await withSibling(opts, store, async (other) => {
        const boxes = [store.outbox, other.outbox]
        const rounds = await Promise.all(
          Array.from({ length: 8 }, (_, i) => boxes[i % 2]!.claim(7, T0, LEASE)),
        )
        assertDisjointCover(rounds, 40)
      })
    })
  })
}

function assertDisjointCover(rounds: readonly OutboxItem[][], total: number): void {
  const all = rounds.flat().map((i) => i.id)
  assert.equal(new Set(all).size, all.length, 'an item was claimed twice')
  assert.equal(all.length, total)
}
