/**
 * @module The journal conformance suite every store kind runs: append, read, scan, head and findByHash; sealing
 * continues the chain; expectedSeq conflicts; large batches; concurrent appends keep a gap-free, valid chain.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { humanActor, systemActor } from '../domain/actor.ts'
import type { EventDraft } from '../domain/events.ts'
import { isRinaError } from '../errors.ts'
import type { StoredEvent } from '../journal/chain.ts'
import { ChainVerifier, EMPTY_HEAD } from '../journal/chain.ts'
import type { JournalStore, Store } from '../store/types.ts'

export interface StoreSuiteOptions {
  /** The store kind, shown in the suite title. */
  name: string
  /** A fresh, empty store; the suite closes it after each case. */
  create: () => Promise<Store> | Store
  /** A second instance over the same data as `store` (another pool or file handle), for cross-instance cases. */
  sibling?: (store: Store) => Promise<Store> | Store
  /** Cases this kind does not run, by title, each with its reason; the key `'*'` skips the whole suite. */
  skip?: Readonly<Record<string, string>>
}

export const TIME = '2025-03-01T12:00:00.000Z'

/** A draft whose payload names its caller and step, so order can be checked afterwards. */
export const draft = (env: string, n = 0): EventDraft => ({
  type: 'freeze.enabled',
  actor: humanActor('ada'),
  reason: `step ${n}`,
  payload: { env, until: null },
})

export const drafts = (count: number, env = 'prod'): EventDraft[] =>
  Array.from({ length: count }, (_, i) => draft(env, i))

/** Reads the whole journal through scan and checks it with ChainVerifier. */
export async function verifyAll(journal: JournalStore): Promise<{ count: number; events: StoredEvent[] }> {
  const verifier = new ChainVerifier()
  const events: StoredEvent[] = []
  for await (const batch of journal.scan(1, 500)) {
    for (const e of batch) {
      events.push(e)
      verifier.push(e)
    }
  }
  assert.equal(verifier.firstBreak, null, `chain break: ${JSON.stringify(verifier.firstBreak)}`)
  assert.deepEqual(await journal.head(), verifier.head)
  return { count: verifier.verified, events }
}

/** Wraps `it` so each case opens a fresh store, closes it, and honours the listed skips. */
export function caseRunner(opts: StoreSuiteOptions) {
  const skip = opts.skip ?? {}
  return (title: string, body: (store: Store) => Promise<void>) =>
    it(title, { skip: skip[title] ?? false }, async () => {
      const store = await opts.create()
      try {
        await body(store)
      } finally {
        await store.close()
      }
    })
}

/** Runs body with a sibling instance, closing it afterwards. */
export async function withSibling(
  opts: StoreSuiteOptions,
  store: Store,
  body: (other: Store) => Promise<void>,
) {
  const other = await opts.sibling!(store)
  try {
    await body(other)
  } finally {
    await other.close()
  }
}

export const NO_SIBLING = 'this store kind has no second instance over the same data'

export function runJournalConformance(opts: StoreSuiteOptions): void {
  const skip = { ...(opts.sibling ? {} : siblingCases()), ...opts.skip }
  const test = caseRunner({ ...opts, skip })

  describe(`journal conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('reports the genesis head when the journal is empty', async ({ journal }) => {
      assert.deepEqual(await journal.head(), EMPTY_HEAD)
      assert.deepEqual(await journal.read(), [])
      assert.equal(await journal.findByHash(EMPTY_HEAD.hash), null)
    })

    test('seals events after the genesis head when appending to an empty journal', async ({ journal }) => {
      const out = await journal.append(drafts(3), { time: TIME })
      assert.deepEqual(
        out.map((e) => e.seq),
        [1, 2, 3],
      )
      assert.equal(out[0]!.prevHash, EMPTY_HEAD.hash)
      assert.equal(out[1]!.prevHash, out[0]!.hash)
      assert.ok(out.every((e) => e.time === TIME && e.type === 'freeze.enabled' && e.actorId === 'ada'))
      assert.equal(new Set(out.map((e) => e.id)).size, 3)
      assert.deepEqual(await journal.read(), out)
      assert.deepEqual(await journal.head(), { seq: 3, hash: out[2]!.hash })
    })

    test('continues the chain when appending again', async ({ journal }) => {
      const first = await journal.append(drafts(2), { time: TIME })
      const second = await journal.append([draft('staging')], { time: '2025-03-01T12:00:01.000Z' })
      assert.equal(second[0]!.seq, 3)
      assert.equal(second[0]!.prevHash, first[1]!.hash)
      assert.equal((await verifyAll(journal)).count, 3)
    })

    test('returns nothing and keeps the head when appending no drafts', async ({ journal }) => {
      await journal.append(drafts(1), { time: TIME })
      const before = await journal.head()
      assert.deepEqual(await journal.append([], { time: TIME }), [])
      assert.deepEqual(await journal.head(), before)
    })

    test('keeps payload, reason and actor exactly when they hold unusual text', async ({ journal }) => {
      const odd: EventDraft = {
        type: 'notification.requested',
        actor: systemActor('rina'),
        reason: null,
        payload: {
          notificationId: 'n_1',
          channel: 'ops',
          severity: 'critical',
          title: `quotes ' " and \\ backslash, {braces} [brackets], comma, NULL`,
          text: 'line one\nline two\ttab — ünïcödé 🚀 日本語',
          env: null,
          idempotencyKey: 'k,"1"',
          sourceSeq: null,
        },
      }
      const [stored] = await journal.append([odd, { ...draft('prod'), reason: 'NULL' }], { time: TIME })
      const [read] = await journal.read({ fromSeq: 1, toSeq: 1 })
      assert.deepEqual(read, stored)
      assert.equal(read!.reason, null)
      assert.deepEqual(JSON.parse(read!.payload), odd.payload)
      assert.equal((await journal.read({ fromSeq: 2 }))[0]!.reason, 'NULL')
      await verifyAll(journal)
    })

    test('appends when expectedSeq matches the head', async ({ journal }) => {
      await journal.append(drafts(2), { time: TIME })
      const out = await journal.append([draft('prod')], { time: TIME, expectedSeq: 2 })
      assert.equal(out[0]!.seq, 3)
    })

    test('rejects with JOURNAL_CONFLICT and writes nothing when expectedSeq is behind', async ({
      journal,
    }) => {
      await journal.append(drafts(2), { time: TIME })
      await assert.rejects(journal.append(drafts(3), { time: TIME, expectedSeq: 1 }), (e) =>
        isRinaError(e, 'JOURNAL_CONFLICT'),
      )
      await assert.rejects(journal.append(drafts(1), { time: TIME, expectedSeq: 5 }), (e) =>
        isRinaError(e, 'JOURNAL_CONFLICT'),
      )
      assert.equal((await journal.head()).seq, 2)
      assert.equal((await journal.read()).length, 2)
    })

    test('stores a large batch in order when appended in one call', async ({ journal }) => {
      await journal.append(drafts(1), { time: TIME })
      const out = await journal.append(drafts(2_500, 'batch'), { time: TIME })
      assert.equal(out.length, 2_500)
      assert.equal(out[0]!.seq, 2)
      assert.equal(out[2_499]!.seq, 2_501)
      const { count, events } = await verifyAll(journal)
      assert.equal(count, 2_501)
      assert.deepEqual(events.slice(1), out)
    })

    test('reads the requested range when given fromSeq, toSeq and limit', async ({ journal }) => {
      await journal.append(drafts(10), { time: TIME })
      const seqs = async (q: Parameters<JournalStore['read']>[0]) => (await journal.read(q)).map((e) => e.seq)
      assert.deepEqual(await seqs({ fromSeq: 4, toSeq: 6 }), [4, 5, 6])
      assert.deepEqual(await seqs({ fromSeq: 8 }), [8, 9, 10])
      assert.deepEqual(await seqs({ toSeq: 2 }), [1, 2])
      assert.deepEqual(await seqs({ fromSeq: 3, limit: 2 }), [3, 4])
      assert.deepEqual(await seqs({ fromSeq: 11 }), [])
      assert.equal((await journal.read()).length, 10)
    })

    test('yields every event in batches when scanning', async ({ journal }) => {
      await journal.append(drafts(25), { time: TIME })
      const sizes: number[] = []
      const seen: number[] = []
      for await (const batch of journal.scan(1, 10)) {
        sizes.push(batch.length)
        seen.push(...batch.map((e) => e.seq))
      }
      assert.deepEqual(sizes, [10, 10, 5])
      assert.deepEqual(
        seen,
        Array.from({ length: 25 }, (_, i) => i + 1),
      )
      const tail: number[] = []
      for await (const batch of journal.scan(21)) tail.push(...batch.map((e) => e.seq))
      assert.deepEqual(tail, [21, 22, 23, 24, 25])
    })

    test('finds an event by its hash and returns null for an unknown hash', async ({ journal }) => {
      const out = await journal.append(drafts(5), { time: TIME })
      assert.deepEqual(await journal.findByHash(out[2]!.hash), out[2])
      assert.equal(await journal.findByHash('f'.repeat(64)), null)
    })

    test('keeps a gap-free valid chain when many callers append concurrently', async ({ journal }) => {
      const callers = 16
      const rounds = 20
      const returned = await Promise.all(
        Array.from({ length: callers }, async (_, c) => {
          const mine: StoredEvent[] = []
          for (let r = 0; r < rounds; r++)
            mine.push(...(await journal.append(drafts(1 + (r % 3), `c${c}`), { time: TIME })))
          return mine
        }),
      )
      const perCaller = Array.from({ length: rounds }, (_, r) => 1 + (r % 3)).reduce((a, b) => a + b, 0)
      const { count, events } = await verifyAll(journal)
      assert.equal(count, callers * perCaller)
      for (const mine of returned) {
        for (const e of mine) assert.deepEqual(events[e.seq - 1], e)
      }
    })

    test('lets exactly one caller win when many append with the same expectedSeq', async ({ journal }) => {
      await journal.append(drafts(1), { time: TIME })
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, c) =>
          journal.append([draft(`c${c}`)], { time: TIME, expectedSeq: 1 }),
        ),
      )
      const won = results.filter((r) => r.status === 'fulfilled')
      assert.equal(won.length, 1)
      for (const r of results)
        if (r.status === 'rejected') assert.ok(isRinaError(r.reason, 'JOURNAL_CONFLICT'))
      assert.equal((await verifyAll(journal)).count, 2)
    })

    test('continues the chain when another instance appended', async (store) => {
      await store.journal.append(drafts(2), { time: TIME })
      await withSibling(opts, store, async (other) => {
        assert.deepEqual(await other.journal.head(), await store.journal.head())
        const out = await other.journal.append(drafts(1), { time: TIME, expectedSeq: 2 })
        assert.equal(out[0]!.seq, 3)
        await assert.rejects(store.journal.append(drafts(1), { time: TIME, expectedSeq: 2 }), (e) =>
          isRinaError(e, 'JOURNAL_CONFLICT'),
        )
        assert.equal((await verifyAll(store.journal)).count, 3)
      })
    })

    test('keeps a gap-free valid chain when two instances append concurrently', async (store) => {
      await withSibling(opts, store, async (other) => {
        const one = (journal: JournalStore, tag: string) =>
          Promise.all(
            Array.from({ length: 6 }, async (_, c) => {
              for (let r = 0; r < 15; r++)
                await journal.append(drafts(1 + (r % 2), `${tag}${c}`), { time: TIME })
            }),
          )
        await Promise.all([one(store.journal, 'a'), one(other.journal, 'b')])
        assert.equal((await verifyAll(other.journal)).count, 2 * 6 * (8 * 1 + 7 * 2))
      })
    })
  })
}

function siblingCases(): Record<string, string> {
  return {
    'continues the chain when another instance appended': NO_SIBLING,
    'keeps a gap-free valid chain when two instances append concurrently': NO_SIBLING,
  }
}
