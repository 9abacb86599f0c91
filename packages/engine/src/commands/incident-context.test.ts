import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { JournalEvent } from '../domain/events.ts'
import { latestProbes } from './incident-context.ts'

const probe = (service: string, lastOk: boolean) => ({
  service,
  probe: 'health',
  type: 'http',
  passes: 2,
  failures: 0,
  lastOk,
  lastDetail: '200 in 3 ms',
  latencyMs: { p50: 3, max: 4 },
})
const ev = (seq: number, type: string, payload: unknown) =>
  ({ seq, type, payload }) as unknown as JournalEvent

describe('latestProbes', () => {
  it('lays health changes journaled after the last gate over its results when a probe went down since', () => {
    const events = [
      ev(1, 'health.gate_completed', { env: 'production', probes: [probe('api', true), probe('web', true)] }),
      ev(2, 'health.changed', {
        env: 'staging',
        service: 'api',
        probe: 'health',
        healthy: false,
        detail: 'x',
      }),
      ev(3, 'health.changed', {
        env: 'production',
        service: 'api',
        probe: 'health',
        healthy: false,
        detail: 'down',
      }),
    ]
    assert.deepEqual(
      latestProbes(events, 'production').map((p) => [p.service, p.lastOk, p.lastDetail]),
      [
        ['api', false, 'down'],
        ['web', true, '200 in 3 ms'],
      ],
    )
    assert.equal((events[0]!.payload as { probes: { lastOk: boolean }[] }).probes[0]!.lastOk, true)
  })

  it('answers no probes when nothing was checked yet', () => {
    assert.deepEqual(latestProbes([], 'production'), [])
  })
})
