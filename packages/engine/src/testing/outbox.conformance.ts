/**
 * @module The outbox conformance suite every store kind runs: idempotent enqueue, claims that respect due time
 * and leases, reclaim after an expired lease, settle (final states stay final; only the current lease token
 * counts, so a late dispatcher never overwrites the one that re-claimed its item), requeue of dead items, list
 * and get, and disjoint claims when dispatchers claim at once (within one instance and across two).
 */
import assert from 'node:assert/strict'
import { describe } from 'node:test'
import type { ClaimedOutboxItem, OutboxItem, OutboxStore } from '../store/types.ts'
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

/** The claimed item with this id. */
const byId = (items: readonly ClaimedOutboxItem[], id: string): ClaimedOutboxItem => {
  const found = items.find((i) => i.id === id)
  assert.ok(found, `${id} was not claimed`)
  return found
}

/** The item as `get` and `list` show it: everything but the claimer's lease token. */
const unclaimed = ({ leaseToken: _, ...item }: ClaimedOutboxItem): OutboxItem => item

export function runOutboxConformance(opts: StoreSuiteOptions): void {
  const skip: Record<string, string> = { ...opts.skip }
  if (!opts.sibling) {
    skip['claims disjoint items when two instances claim at once'] ??= NO_SIBLING
    skip['refuses a late settle from another instance whose lease was taken over'] ??= NO_SIBLING
  }
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
      assert.match(claimed[0]!.leaseToken, /\S{16,}/)
      assert.deepEqual(await outbox.get('item-1'), unclaimed(claimed[0]!))
    })

    test('claims in due order up to the limit when more are due', async ({ outbox }) => {
      await seed(outbox, 5)
      const [first] = await outbox.claim(1, T0, LEASE)
      await outbox.settle(first!, { kind: 'retry', at: T0 + 50, error: 'server: HTTP 500' }, T0 + 10)
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
      const [claimed] = await outbox.claim(10, T0, LEASE)
      assert.equal(await outbox.settle(claimed!, { kind: 'delivered' }, T0 + 5), true)
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
      const [claimed] = await outbox.claim(10, T0, LEASE)
      await outbox.settle(claimed!, { kind: 'retry', at: T0 + 2_000, error: 'network: ECONNREFUSED' }, T0 + 5)
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
      const [claimed] = await outbox.claim(10, T0, LEASE)
      await outbox.settle(claimed!, { kind: 'dead', error: 'client: HTTP 404' }, T0 + 5)
      const item = await outbox.get('item-1')
      assert.deepEqual([item!.status, item!.lastError, item!.leaseUntil], ['dead', 'client: HTTP 404', null])
      assert.deepEqual(await outbox.claim(10, T0 + 10 * LEASE, LEASE), [])
      assert.deepEqual(ids(await outbox.list({ status: 'dead' })), ['item-1'])
    })

    test('leaves a delivered or dead item as it is when settled again', async ({ outbox }) => {
      await seed(outbox, 2)
      const claimed = await outbox.claim(10, T0 + 1, LEASE)
      const [one, two] = [byId(claimed, 'item-1'), byId(claimed, 'item-2')]
      await outbox.settle(one, { kind: 'delivered' }, T0 + 5)
      await outbox.settle(two, { kind: 'dead', error: 'client: HTTP 400' }, T0 + 5)
      const before = await outbox.list()
      assert.equal(await outbox.settle(one, { kind: 'dead', error: 'late' }, T0 + 9), false)
      assert.equal(await outbox.settle(two, { kind: 'retry', at: T0 + 10, error: 'late' }, T0 + 9), false)
      assert.equal(await outbox.settle(two, { kind: 'delivered' }, T0 + 9), false)
      assert.deepEqual(await outbox.list(), before)
    })

    test('ignores a settle for an unknown id', async ({ outbox }) => {
      assert.equal(await outbox.settle({ id: 'nope', leaseToken: 'x' }, { kind: 'delivered' }, T0), false)
      assert.equal(await outbox.get('nope'), null)
    })

    test('gives each claim its own lease token and settles only with the current one', async ({ outbox }) => {
      await seed(outbox, 2)
      const [a] = await outbox.claim(1, T0 + 1, LEASE)
      const [b] = await outbox.claim(1, T0 + 1, LEASE)
      assert.notEqual(a!.leaseToken, b!.leaseToken)
      const forged = { id: 'item-1', leaseToken: b!.leaseToken }
      assert.equal(await outbox.settle(forged, { kind: 'dead', error: 'wrong token' }, T0 + 1), false)
      assert.equal((await outbox.get('item-1'))!.status, 'pending')
    })

    test('settles with a lease that expired when no one claimed the item since', async ({ outbox }) => {
      await seed(outbox, 1)
      const [a] = await outbox.claim(1, T0, LEASE)
      assert.equal(await outbox.settle(a!, { kind: 'delivered' }, T0 + 2 * LEASE), true)
      assert.equal((await outbox.get('item-1'))!.status, 'delivered')
    })

    test('refuses a late settle whose lease was taken over, so the new claimer stays in charge', async ({
      outbox,
    }) => {
      await seed(outbox, 1)
      const [a] = await outbox.claim(1, T0, LEASE)
      const [b] = await outbox.claim(1, T0 + LEASE, LEASE)
      assert.equal(b?.id, 'item-1')
      // A's settle arrives while B holds the lease: nothing changes, B's lease and attempt count stay.
      const late = { kind: 'retry', at: T0 + LEASE + 5, error: 'network: timeout' } as const
      assert.equal(await outbox.settle(a!, late, T0 + LEASE + 1), false)
      assert.deepEqual(await outbox.get('item-1'), unclaimed(b!))
      assert.deepEqual(await outbox.claim(1, T0 + LEASE + 10, LEASE), [])
      // B settles; A's settle arriving after that does not overwrite B's result either.
      assert.equal(await outbox.settle(b!, { kind: 'delivered' }, T0 + LEASE + 20), true)
      assert.equal(
        await outbox.settle(a!, { kind: 'dead', error: 'client: HTTP 400' }, T0 + LEASE + 30),
        false,
      )
      const item = await outbox.get('item-1')
      assert.deepEqual(
        [item!.status, item!.lastError, item!.attempts, item!.updatedAt],
        ['delivered', null, 2, T0 + LEASE + 20],
      )
    })

    test('requeues dead items as fresh pending ones when asked for all or some', async ({ outbox }) => {
      await seed(outbox, 4)
      const claimed = await outbox.claim(10, T0 + 10, LEASE)
      for (const id of ['item-1', 'item-2', 'item-3'])
        await outbox.settle(byId(claimed, id), { kind: 'dead', error: 'x' }, T0 + 20)
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
      const [first] = await outbox.claim(1, T0 + 20, LEASE)
      await outbox.settle(first!, { kind: 'delivered' }, T0 + 21)
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

    test('refuses a late settle from another instance whose lease was taken over', async (store) => {
      await seed(store.outbox, 1)
      const [a] = await store.outbox.claim(1, T0, LEASE)
      await withSibling(opts, store, async (other) => {
        const [b] = await other.outbox.claim(1, T0 + LEASE, LEASE)
        assert.equal(await other.outbox.settle(b!, { kind: 'delivered' }, T0 + LEASE + 1), true)
      })
      assert.equal(await store.outbox.settle(a!, { kind: 'dead', error: 'late' }, T0 + LEASE + 2), false)
      assert.equal((await store.outbox.get('item-1'))!.status, 'delivered')
    })
  })
}

function assertDisjointCover(rounds: readonly OutboxItem[][], total: number): void {
  const all = rounds.flat().map((i) => i.id)
  assert.equal(new Set(all).size, all.length, 'an item was claimed twice')
  assert.equal(all.length, total)
}
