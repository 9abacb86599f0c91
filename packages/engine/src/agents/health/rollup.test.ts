import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ProbeSampleRecord } from '../../store/types.ts'
import { percentile, rollupMinutes, statsOfRollups, statsOfSamples } from './rollup.ts'

const T0 = 1_700_000_040_000 // a minute boundary
const s = (at: number, ok: boolean, latencyMs: number, probe = 'health'): ProbeSampleRecord => ({
  env: 'production',
  service: 'api',
  probe,
  at,
  ok,
  latencyMs,
})

describe('percentile', () => {
  it('uses the nearest rank when values are sorted', () => {
    const v = Array.from({ length: 100 }, (_, i) => i + 1)
    assert.deepEqual(
      [50, 95, 99, 100].map((p) => percentile(v, p)),
      [50, 95, 99, 100],
    )
    assert.equal(percentile([7], 99), 7)
    assert.equal(percentile([1, 2, 3, 4], 50), 2)
  })
  it('returns 0 when there are no values', () => {
    assert.equal(percentile([], 95), 0)
  })
})

describe('rollupMinutes', () => {
  it('counts checks, failures and latency percentiles per probe and minute when samples span minutes', () => {
    const samples = [
      s(T0 + 1_000, true, 10),
      s(T0 + 11_000, false, 5_000),
      s(T0 + 21_000, true, 30),
      s(T0 + 2_000, true, 4, 'ready'),
      s(T0 + 61_000, true, 12),
    ]
    assert.deepEqual(rollupMinutes(samples), [
      {
        env: 'production',
        service: 'api',
        probe: 'health',
        minute: T0,
        count: 3,
        failures: 1,
        p50: 30,
        p95: 5_000,
        p99: 5_000,
      },
      {
        env: 'production',
        service: 'api',
        probe: 'ready',
        minute: T0,
        count: 1,
        failures: 0,
        p50: 4,
        p95: 4,
        p99: 4,
      },
      {
        env: 'production',
        service: 'api',
        probe: 'health',
        minute: T0 + 60_000,
        count: 1,
        failures: 0,
        p50: 12,
        p95: 12,
        p99: 12,
      },
    ])
  })
})

describe('statsOfSamples', () => {
  it('gives success rate per check and uptime per minute when one minute was mostly down', () => {
    const samples = [
      // minute 1: 6 checks, 4 failed → down
      ...[true, false, false, false, false, true].map((ok, i) => s(T0 + i * 10_000, ok, 20)),
      // minutes 2-4: all up
      ...Array.from({ length: 18 }, (_, i) => s(T0 + 60_000 + i * 10_000, true, 10)),
    ]
    const stats = statsOfSamples(samples)
    assert.deepEqual(stats, {
      checks: 24,
      failures: 4,
      successRate: 0.8333,
      uptimePct: 75,
      latencyMs: { p50: 10, p95: 20, p99: 20 },
    })
  })
  it('reports no rate when there are no checks', () => {
    assert.deepEqual(statsOfSamples([]), {
      checks: 0,
      failures: 0,
      successRate: null,
      uptimePct: null,
      latencyMs: { p50: 0, p95: 0, p99: 0 },
    })
  })
})

describe('statsOfRollups', () => {
  it('weights minute percentiles by their checks when no raw latencies are kept', () => {
    const r = rollupMinutes([
      s(T0, true, 10),
      s(T0 + 1, true, 10),
      s(T0 + 2, true, 10),
      s(T0 + 60_000, false, 50),
    ])
    const stats = statsOfRollups(r)
    assert.deepEqual(stats, {
      checks: 4,
      failures: 1,
      successRate: 0.75,
      uptimePct: 50,
      latencyMs: { p50: 20, p95: 20, p99: 20 },
    })
  })
})
