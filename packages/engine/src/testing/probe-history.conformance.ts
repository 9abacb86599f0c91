/**
 * @module The probe history conformance suite every store kind runs: samples and rollups round-trip in order,
 * filters by environment, service and probe, rollups replace on the same minute, pruning, and (with a second
 * instance) history written by one instance is read by the other.
 */
import assert from 'node:assert/strict'
import { describe } from 'node:test'
import type { ProbeRollup, ProbeSampleRecord } from '../store/types.ts'
import type { StoreSuiteOptions } from './journal.conformance.ts'
import { NO_SIBLING, caseRunner, withSibling } from './journal.conformance.ts'

const T0 = 1_700_000_000_000
const MIN = 60_000

const sample = (over: Partial<ProbeSampleRecord> = {}): ProbeSampleRecord => ({
  env: 'production',
  service: 'api',
  probe: 'health',
  at: T0,
  ok: true,
  latencyMs: 12.5,
  ...over,
})

const rollup = (over: Partial<ProbeRollup> = {}): ProbeRollup => ({
  env: 'production',
  service: 'api',
  probe: 'health',
  minute: T0,
  count: 6,
  failures: 1,
  p50: 10,
  p95: 40.5,
  p99: 41,
  ...over,
})

export function runProbeHistoryConformance(opts: StoreSuiteOptions): void {
  const skip: Record<string, string> = { ...opts.skip }
  if (!opts.sibling) skip['reads history another instance wrote'] ??= NO_SIBLING
  const test = caseRunner({ ...opts, skip })

  describe(`probe history conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('returns recorded samples oldest first when they arrive out of order', async ({ probes }) => {
      await probes.record([sample({ at: T0 + 2000, ok: false, latencyMs: 5000 }), sample({ at: T0 })])
      await probes.record([sample({ at: T0 + 1000, latencyMs: 0.25 })])
      assert.deepEqual(await probes.samples({ env: 'production', from: T0, to: T0 + MIN }), [
        sample({ at: T0 }),
        sample({ at: T0 + 1000, latencyMs: 0.25 }),
        sample({ at: T0 + 2000, ok: false, latencyMs: 5000 }),
      ])
    })

    test('filters samples by environment, service, probe and a half-open range', async ({ probes }) => {
      await probes.record([
        sample({ at: T0 }),
        sample({ at: T0 + MIN }),
        sample({ at: T0 + 10, env: 'staging' }),
        sample({ at: T0 + 20, service: 'web' }),
        sample({ at: T0 + 30, probe: 'ready' }),
      ])
      const q = { env: 'production', service: 'api', probe: 'health', from: T0, to: T0 + MIN }
      assert.deepEqual(await probes.samples(q), [sample({ at: T0 })])
      assert.equal((await probes.samples({ env: 'production', from: T0, to: T0 + MIN })).length, 3)
      assert.equal(
        (await probes.samples({ env: 'production', service: 'api', from: T0, to: T0 + MIN })).length,
        2,
      )
      assert.deepEqual(await probes.samples({ env: 'qa', from: 0, to: T0 * 2 }), [])
    })

    test('replaces a rollup of the same probe and minute when rolled up again', async ({ probes }) => {
      await probes.putRollups([rollup(), rollup({ minute: T0 + MIN, count: 3, failures: 0 })])
      await probes.putRollups([rollup({ count: 7, failures: 2, p99: 99 })])
      assert.deepEqual(await probes.rollups({ env: 'production', from: T0, to: T0 + 2 * MIN }), [
        rollup({ count: 7, failures: 2, p99: 99 }),
        rollup({ minute: T0 + MIN, count: 3, failures: 0 }),
      ])
      assert.equal(await probes.latestRollup(), T0 + MIN)
    })

    test('filters rollups by service and probe and reports no latest rollup when empty', async ({
      probes,
    }) => {
      assert.equal(await probes.latestRollup(), null)
      await probes.putRollups([rollup(), rollup({ service: 'web' }), rollup({ probe: 'ready' })])
      const only = await probes.rollups({ env: 'production', service: 'web', from: T0, to: T0 + MIN })
      assert.deepEqual(only, [rollup({ service: 'web' })])
      const probesOfApi = await probes.rollups({ env: 'production', service: 'api', from: T0, to: T0 + MIN })
      assert.deepEqual(
        probesOfApi.map((r) => r.probe),
        ['health', 'ready'],
      )
    })

    test('prunes samples and rollups older than their cut-offs and counts them', async ({ probes }) => {
      await probes.record([sample({ at: T0 }), sample({ at: T0 + MIN }), sample({ at: T0 + 2 * MIN })])
      await probes.putRollups([rollup({ minute: T0 }), rollup({ minute: T0 + MIN })])
      const pruned = await probes.prune({ samplesBefore: T0 + MIN, rollupsBefore: T0 + MIN })
      assert.deepEqual(pruned, { samples: 1, rollups: 1 })
      assert.deepEqual(
        (await probes.samples({ env: 'production', from: 0, to: T0 * 2 })).map((s) => s.at),
        [T0 + MIN, T0 + 2 * MIN],
      )
      assert.deepEqual(await probes.rollups({ env: 'production', from: 0, to: T0 * 2 }), [
        rollup({ minute: T0 + MIN }),
      ])
      assert.deepEqual(await probes.prune({ samplesBefore: 0, rollupsBefore: 0 }), { samples: 0, rollups: 0 })
    })

    test('stores a large batch of samples in one call', async ({ probes }) => {
      const many = Array.from({ length: 1200 }, (_, i) => sample({ at: T0 + i, ok: i % 7 !== 0 }))
      await probes.record(many)
      const back = await probes.samples({ env: 'production', from: T0, to: T0 + 1200 })
      assert.equal(back.length, 1200)
      assert.equal(back.filter((s) => !s.ok).length, many.filter((s) => !s.ok).length)
    })

    test('reads history another instance wrote', async (store) => {
      await withSibling(opts, store, async (other) => {
        await other.probes.record([sample()])
        await other.probes.putRollups([rollup()])
        assert.deepEqual(await store.probes.samples({ env: 'production', from: T0, to: T0 + 1 }), [sample()])
        assert.equal(await store.probes.latestRollup(), T0)
      })
    })
  })
}
