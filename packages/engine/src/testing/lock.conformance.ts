/**
 * @module The lock conformance suite every store kind runs: acquire, renew, conflict, expiry and release, and at
 * most one holder when many try at once (within one instance and across two).
 */
import assert from 'node:assert/strict'
import { describe } from 'node:test'
import type { LockStore } from '../store/types.ts'
import type { StoreSuiteOptions } from './journal.conformance.ts'
import { NO_SIBLING, caseRunner, withSibling } from './journal.conformance.ts'

const T0 = 1_700_000_000_000
const TTL = 60_000

/** Many holders try at once; returns who got it. */
async function race(locks: readonly LockStore[], env: string, tries: number, now: number): Promise<string[]> {
  const results = await Promise.all(
    Array.from({ length: tries }, async (_, i) => {
      const holder = `h${i}`
      const r = await locks[i % locks.length]!.acquire(env, holder, TTL, now)
      return { holder, r }
    }),
  )
  const winners = results.filter((x) => x.r.ok).map((x) => x.holder)
  for (const x of results) {
    if (!x.r.ok) assert.deepEqual(winners, [x.r.held.holder], 'a refused taker must be told the winner')
  }
  return winners
}

export function runLockConformance(opts: StoreSuiteOptions): void {
  const skip: Record<string, string> = { ...opts.skip }
  if (!opts.sibling) skip['keeps at most one holder when two instances try at once'] ??= NO_SIBLING
  const test = caseRunner({ ...opts, skip })

  describe(`lock conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('grants a free lock and reports its holder and expiry', async ({ locks }) => {
      assert.equal(await locks.inspect('prod', T0), null)
      assert.deepEqual(await locks.acquire('prod', 'alice', TTL, T0), { ok: true })
      assert.deepEqual(await locks.inspect('prod', T0 + 1), {
        env: 'prod',
        holder: 'alice',
        acquiredAt: T0,
        expiresAt: T0 + TTL,
      })
    })

    test('refuses another holder and names the current one when the lock is held', async ({ locks }) => {
      await locks.acquire('prod', 'alice', TTL, T0)
      const r = await locks.acquire('prod', 'bob', TTL, T0 + 10)
      assert.deepEqual(r, {
        ok: false,
        held: { env: 'prod', holder: 'alice', acquiredAt: T0, expiresAt: T0 + TTL },
      })
      assert.equal((await locks.inspect('prod', T0 + 10))?.holder, 'alice')
    })

    test('extends the expiry and keeps acquiredAt when the holder renews', async ({ locks }) => {
      await locks.acquire('prod', 'alice', TTL, T0)
      assert.deepEqual(await locks.acquire('prod', 'alice', TTL, T0 + 30_000), { ok: true })
      assert.deepEqual(await locks.inspect('prod', T0 + 70_000), {
        env: 'prod',
        holder: 'alice',
        acquiredAt: T0,
        expiresAt: T0 + 90_000,
      })
    })

    test('frees the lock at its expiry when the holder stops renewing', async ({ locks }) => {
      await locks.acquire('prod', 'alice', TTL, T0)
      assert.equal((await locks.inspect('prod', T0 + TTL - 1))?.holder, 'alice')
      assert.equal(await locks.inspect('prod', T0 + TTL), null)
      assert.deepEqual(await locks.acquire('prod', 'bob', TTL, T0 + TTL), { ok: true })
      assert.deepEqual(await locks.inspect('prod', T0 + TTL), {
        env: 'prod',
        holder: 'bob',
        acquiredAt: T0 + TTL,
        expiresAt: T0 + 2 * TTL,
      })
    })

    test('starts a new tenure when the same holder comes back after expiry', async ({ locks }) => {
      await locks.acquire('prod', 'alice', TTL, T0)
      await locks.acquire('prod', 'alice', TTL, T0 + 2 * TTL)
      assert.equal((await locks.inspect('prod', T0 + 2 * TTL))?.acquiredAt, T0 + 2 * TTL)
    })

    test('frees the lock when the holder releases it', async ({ locks }) => {
      await locks.acquire('prod', 'alice', TTL, T0)
      await locks.release('prod', 'alice')
      assert.equal(await locks.inspect('prod', T0), null)
      assert.deepEqual(await locks.acquire('prod', 'bob', TTL, T0 + 1), { ok: true })
    })

    test('ignores a release when the caller is not the holder', async ({ locks }) => {
      await locks.acquire('prod', 'alice', TTL, T0)
      await locks.release('prod', 'bob')
      await locks.release('staging', 'alice')
      assert.equal((await locks.inspect('prod', T0))?.holder, 'alice')
    })

    test('keeps environments apart when different holders lock different environments', async ({ locks }) => {
      assert.deepEqual(await locks.acquire('prod', 'alice', TTL, T0), { ok: true })
      assert.deepEqual(await locks.acquire('staging', 'bob', TTL, T0), { ok: true })
      assert.equal((await locks.inspect('prod', T0))?.holder, 'alice')
      assert.equal((await locks.inspect('staging', T0))?.holder, 'bob')
    })

    test('grants the lock to exactly one holder when many try at once', async ({ locks }) => {
      assert.equal((await race([locks], 'prod', 24, T0)).length, 1)
    })

    test('grants an expired lock to exactly one holder when many try at once', async ({ locks }) => {
      await locks.acquire('prod', 'old', TTL, T0)
      const winners = await race([locks], 'prod', 24, T0 + TTL + 1)
      assert.equal(winners.length, 1)
      assert.equal((await locks.inspect('prod', T0 + TTL + 1))?.holder, winners[0])
    })

    test('keeps at most one holder when two instances try at once', async (store) => {
      await withSibling(opts, store, async (other) => {
        for (let round = 0; round < 5; round++) {
          const env = `env${round}`
          assert.equal((await race([store.locks, other.locks], env, 16, T0)).length, 1)
        }
      })
    })
  })
}
