import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createAnomalyDetector } from './anomaly.ts'
import type { Observation, Signal } from './anomaly.ts'

const MIN = 60_000
const T0 = Date.parse('2024-01-02T00:00:00Z')
const obs = (minute: number, key = 'a', extra: Partial<Observation> = {}): Observation => ({
  key,
  template: `template ${key}`,
  time: T0 + minute * MIN + 1000,
  source: 'api',
  severity: 'info',
  line: `line of ${key} password=hunter2`,
  ...extra,
})

/** Feeds `perMinute(m)` lines of one template for each minute and collects the signals. */
function run(minutes: number, perMinute: (m: number) => Observation[]) {
  const d = createAnomalyDetector()
  const signals: Signal[] = []
  for (let m = 0; m < minutes; m++) for (const o of perMinute(m)) signals.push(...d.observe(o))
  return { d, signals }
}

describe('createAnomalyDetector', () => {
  it('reports a spike with its evidence when a template jumps far above its learned rate', () => {
    const { d, signals } = run(40, (m) => Array.from({ length: m === 30 ? 60 : 3 }, () => obs(m)))
    signals.push(...d.tick(T0 + 41 * MIN))
    const spikes = signals.filter((s) => s.kind === 'spike')
    assert.equal(spikes.length, 1)
    const s = spikes[0]!
    assert.equal(s.time, T0 + 31 * MIN)
    assert.equal(s.evidence.after, 60)
    assert.ok(s.evidence.before > 1 && s.evidence.before < 4)
    assert.ok(s.evidence.pValue! < 1e-4)
    assert.ok(s.evidence.examples.length > 0 && s.evidence.examples.every((e) => e.includes('[REDACTED]')))
  })

  it('stays quiet when the rate only wobbles', () => {
    const { signals } = run(60, (m) => Array.from({ length: 3 + (m % 3) }, () => obs(m)))
    assert.deepEqual(signals, [])
  })

  it('reports a template first seen after a release with that release id', () => {
    const d = createAnomalyDetector()
    const signals: Signal[] = []
    for (let m = 0; m < 20; m++) signals.push(...d.observe(obs(m)))
    d.markRelease('v1.4.0', T0 + 20 * MIN)
    signals.push(...d.observe(obs(21, 'b', { severity: 'error' })))
    signals.push(...d.observe(obs(22, 'b', { severity: 'error' })))
    const fresh = signals.filter((s) => s.kind === 'new-template')
    assert.equal(fresh.length, 1)
    assert.equal(fresh[0]!.evidence.release, 'v1.4.0')
    assert.equal(fresh[0]!.evidence.firstSeen, T0 + 21 * MIN + 1000)
    assert.equal(fresh[0]!.severity, 'error')
  })

  it('does not call templates new while it is still learning', () => {
    const { signals } = run(5, (m) => [obs(m, `k${m}`)])
    assert.deepEqual(signals, [])
  })

  it('reports silence when a source that talked every minute stops', () => {
    const { d, signals } = run(30, (m) => Array.from({ length: 5 }, () => obs(m)))
    signals.push(...d.tick(T0 + 40 * MIN))
    const silent = signals.filter((s) => s.kind === 'silence')
    assert.equal(silent.length, 1)
    assert.equal(silent[0]!.source, 'api')
    assert.equal(silent[0]!.evidence.after, 0)
    assert.ok(silent[0]!.evidence.before >= 1)
  })

  it('reports an error-rate spike when the share of error lines jumps', () => {
    const { d, signals } = run(30, (m) => [
      ...Array.from({ length: 20 }, () => obs(m)),
      ...Array.from({ length: m === 25 ? 15 : m % 10 === 0 ? 1 : 0 }, () =>
        obs(m, 'err', { severity: 'error' }),
      ),
    ])
    signals.push(...d.tick(T0 + 31 * MIN))
    const rate = signals.filter((s) => s.kind === 'error-rate')
    assert.equal(rate.length, 1)
    assert.equal(rate[0]!.time, T0 + 26 * MIN)
    assert.ok(rate[0]!.evidence.after > 0.4)
  })
})
