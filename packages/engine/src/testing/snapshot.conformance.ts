/**
 * @module The snapshot conformance suite every store kind runs: a snapshot round-trips exactly (large bodies and
 * any text included), a put replaces the name's snapshot whatever its seq or version, names stay apart, puts at
 * the same time leave one whole snapshot, and (with a second instance) one instance reads what another saved.
 */
import assert from 'node:assert/strict'
import { describe } from 'node:test'
import type { SnapshotRecord } from '../store/types.ts'
import type { StoreSuiteOptions } from './journal.conformance.ts'
import { NO_SIBLING, caseRunner, withSibling } from './journal.conformance.ts'

/** A record with only the fields a case cares about given. */
const snapshot = (over: Partial<SnapshotRecord> = {}): SnapshotRecord => ({
  name: 'state',
  seq: 1_000,
  hash: 'a'.repeat(64),
  version: 1,
  body: '{"seq":1000}',
  ...over,
})

export function runSnapshotConformance(opts: StoreSuiteOptions): void {
  const skip: Record<string, string> = { ...opts.skip }
  if (!opts.sibling) skip['reads a snapshot another instance saved'] ??= NO_SIBLING
  const test = caseRunner({ ...opts, skip })

  describe(`snapshot conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('knows no snapshot when none was saved', async ({ snapshots }) => {
      assert.equal(await snapshots.get('state'), null)
    })

    test('returns exactly what was saved when the body is large and holds any text', async ({
      snapshots,
    }) => {
      const runs = Array.from({ length: 20_000 }, (_, i) => [
        `run_${i}`,
        { release: `1.${i}.0`, by: 'Zoë ✓' },
      ])
      const body = JSON.stringify({
        seq: 9_007_199_254,
        runs: Object.fromEntries(runs),
        quote: `'"\\\n\u0000`,
      })
      const saved = snapshot({ seq: 9_007_199_254, hash: 'f'.repeat(64), version: 42, body })
      await snapshots.put(saved)
      assert.deepEqual(await snapshots.get('state'), saved)
    })

    test('replaces the snapshot when a newer one is saved', async ({ snapshots }) => {
      await snapshots.put(snapshot())
      const newer = snapshot({ seq: 2_500, hash: 'b'.repeat(64), body: '{"seq":2500}' })
      await snapshots.put(newer)
      assert.deepEqual(await snapshots.get('state'), newer)
    })

    test('replaces the snapshot whatever its seq or version when another is saved', async ({ snapshots }) => {
      await snapshots.put(snapshot({ seq: 5_000, version: 2 }))
      const older = snapshot({ seq: 10, hash: 'c'.repeat(64), version: 1, body: '{}' })
      await snapshots.put(older)
      assert.deepEqual(await snapshots.get('state'), older)
    })

    test('keeps names apart', async ({ snapshots }) => {
      await snapshots.put(snapshot({ name: 'state' }))
      await snapshots.put(snapshot({ name: 'incidents', seq: 7, body: '[]' }))
      assert.deepEqual(await snapshots.get('state'), snapshot({ name: 'state' }))
      assert.deepEqual(await snapshots.get('incidents'), snapshot({ name: 'incidents', seq: 7, body: '[]' }))
      assert.equal(await snapshots.get('other'), null)
    })

    test('keeps one whole snapshot when many are saved at once', async ({ snapshots }) => {
      const all = Array.from({ length: 20 }, (_, i) =>
        snapshot({ seq: i + 1, hash: String(i % 10).repeat(64), body: `{"seq":${i + 1}}` }),
      )
      await Promise.all(all.map((s) => snapshots.put(s)))
      const kept = await snapshots.get('state')
      assert.ok(kept && all.some((s) => JSON.stringify(s) === JSON.stringify(kept)), JSON.stringify(kept))
    })

    test('reads a snapshot another instance saved', async (store) => {
      await withSibling(opts, store, async (other) => {
        await other.snapshots.put(snapshot())
        assert.deepEqual(await store.snapshots.get('state'), snapshot())
        await store.snapshots.put(snapshot({ seq: 3_000 }))
        assert.equal((await other.snapshots.get('state'))?.seq, 3_000)
      })
    })
  })
}
