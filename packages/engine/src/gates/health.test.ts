import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ProbeSample } from './health.ts'
import { currentlyHealthy, gatePending, healthGateDecision, soakDecision, summarize } from './health.ts'

const s = (probe: string, ok: boolean, latencyMs = 10): ProbeSample => ({
  service: 'api',
  probe,
  type: 'http',
  ok,
  latencyMs,
  detail: ok ? '200' : '503',
})
const expected = [
  { service: 'api', probe: 'health' },
  { service: 'api', probe: 'items' },
]

describe('health gate', () => {
  const scenarios = [
    {
      name: 'passes when every probe passed N times',
      samples: [s('health', true), s('items', true), s('health', true), s('items', true)],
      allowed: true,
    },
    {
      name: 'passes when failures came before enough passes',
      samples: [s('health', false), s('health', true), s('health', true), s('items', true), s('items', true)],
      allowed: true,
    },
    {
      name: 'fails a probe that passed too few times',
      samples: [s('health', true), s('health', true), s('items', true), s('items', false)],
      allowed: false,
      match: /api\/items passed 1 of 2 times within 30s; last: 503/,
    },
    {
      name: 'fails a probe that never answered',
      samples: [s('health', true), s('health', true)],
      allowed: false,
      match: /api\/items .* never answered/,
    },
  ]
  for (const x of scenarios) {
    it(x.name, () => {
      const d = healthGateDecision(expected, x.samples, 2, '30s')
      assert.equal(d.allowed, x.allowed)
      if (!d.allowed && x.match) assert.match(d.reasons.map((r) => r.message).join('\n'), x.match)
    })
  }
  it('lists the probes still short of passes', () => {
    assert.deepEqual(gatePending(expected, [s('health', true), s('health', true)], 2), [
      { service: 'api', probe: 'items' },
    ])
  })
})

describe('soak', () => {
  const scenarios = [
    {
      name: 'passes when every check passed',
      samples: [s('health', true), s('health', true)],
      allowed: true,
    },
    {
      name: 'tolerates one isolated failure',
      samples: [s('health', true), s('health', false), s('health', true)],
      allowed: true,
    },
    {
      name: 'fails two failures in a row',
      samples: [s('health', false), s('health', false), s('health', true)],
      allowed: false,
    },
    {
      name: 'fails when the last check failed',
      samples: [s('health', true), s('health', false)],
      allowed: false,
    },
  ]
  for (const x of scenarios) {
    it(x.name, () => assert.equal(soakDecision(x.samples).allowed, x.allowed))
  }
})

describe('summaries and current health', () => {
  it('summarises passes, failures and latency per probe', () => {
    const [h] = summarize([s('health', true, 10), s('health', false, 30), s('health', true, 20)])
    assert.deepEqual(h, {
      service: 'api',
      probe: 'health',
      type: 'http',
      passes: 2,
      failures: 1,
      lastOk: true,
      lastDetail: '200',
      latencyMs: { p50: 20, max: 30 },
    })
  })
  it('denies a deploy when the environment is failing now', () => {
    const d = currentlyHealthy('production', [s('health', true), s('items', false)])
    assert.ok(
      !d.allowed && /production is unhealthy before the deploy: api\/items/.test(d.reasons[0]!.message),
    )
    assert.equal(currentlyHealthy('production', [s('health', true)]).allowed, true)
  })
})
