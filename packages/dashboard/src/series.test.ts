/** @module Chart series from health facts: per-service points, merged per second, aligned on one time axis. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { chartData, pointsOf } from './series.ts'
import type { JournalEvent, ProbeSummary } from './types.ts'

const probe = (service: string, p50: number, failures = 0): ProbeSummary => ({
  service,
  probe: 'http',
  type: 'http',
  passes: 1,
  failures,
  lastOk: failures === 0,
  lastDetail: '',
  latencyMs: { p50, max: p50 },
})

const checked = (seq: number, time: string, env: string, probes: ProbeSummary[]): JournalEvent => ({
  seq,
  id: `evt_${seq}`,
  time,
  type: 'health.checked',
  actor: { kind: 'system', id: 'test' },
  reason: null,
  payload: { env, healthy: true, probes },
  hash: '',
})

describe('pointsOf', () => {
  it('takes the slowest probe and sums failures per service when a check has several probes', () => {
    const e = checked(1, '2025-01-01T00:00:10.500Z', 'staging', [
      probe('api', 12),
      probe('api', 30, 2),
      probe('web', 5),
    ])
    assert.deepEqual(pointsOf('staging', [e], []), [
      { service: 'api', t: 1735689610, latencyMs: 30, failures: 2 },
      { service: 'web', t: 1735689610, latencyMs: 5, failures: 0 },
    ])
  })

  it('keeps only the environment asked for when facts of several are given', () => {
    const samples = [
      { env: 'production', service: 'api', probe: 'http', at: 1_000, ok: false, latencyMs: 9 },
      { env: 'staging', service: 'api', probe: 'http', at: 2_000, ok: true, latencyMs: 3 },
    ]
    const events = [checked(1, '2025-01-01T00:00:00Z', 'staging', [probe('api', 1)])]
    assert.deepEqual(pointsOf('production', events, samples), [
      { service: 'api', t: 1, latencyMs: 9, failures: 1 },
    ])
  })
})

describe('chartData', () => {
  it('aligns services on shared times with gaps when a service has no point at a time', () => {
    const d = chartData([
      { service: 'web', t: 20, latencyMs: 4, failures: 0 },
      { service: 'api', t: 10, latencyMs: 7, failures: 1 },
      { service: 'api', t: 10, latencyMs: 9, failures: 1 },
    ])
    assert.deepEqual(d.services, ['api', 'web'])
    assert.deepEqual(d.latency, [
      [10, 20],
      [9, null],
      [null, 4],
    ])
    assert.deepEqual(d.failures, [
      [10, 20],
      [2, null],
      [null, 0],
    ])
  })

  it('gives empty series when there are no points', () => {
    assert.deepEqual(chartData([]), { services: [], latency: [[]], failures: [[]] })
  })
})
