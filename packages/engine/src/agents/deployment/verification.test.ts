import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { WindowStats } from '../health/rollup.ts'
import { verifyWindows, type WindowFacts } from './verification.ts'

const stats = (checks: number, failures: number, p95 = 20): WindowStats => ({
  checks,
  failures,
  successRate: checks ? (checks - failures) / checks : null,
  uptimePct: null,
  latencyMs: { p50: p95 / 2, p95, p99: p95 },
})
const facts = (probes: [string, WindowStats][], errors: [string, number][] = []): WindowFacts => ({
  probes: new Map(probes),
  errors: errors.map(([key, count]) => ({ key, template: `template ${key}`, count })),
})
const t = { successDrop: 0.1, latencyFactor: 2, errorFactor: 3 }

describe('verifyWindows', () => {
  it('finds nothing when the window after looks like the one before', () => {
    const same = facts([['api/health', stats(30, 0)]], [['k1', 4]])
    assert.deepEqual(verifyWindows(same, same, t), [])
  })

  it('reports a success-rate drop with both rates when a probe fails after the deploy', () => {
    const got = verifyWindows(
      facts([['api/health', stats(30, 0)]]),
      facts([['api/health', stats(30, 12)]]),
      t,
    )
    assert.deepEqual(got, [
      {
        kind: 'probe-success',
        subject: 'api/health',
        service: 'api',
        before: 1,
        after: 0.6,
        detail: 'api/health passed 60% of 30 checks after, 100% before',
      },
    ])
  })

  it('reports p95 latency growth only beyond the factor and 50 ms', () => {
    const before = facts([
      ['api/health', stats(30, 0, 20)],
      ['web/home', stats(30, 0, 200)],
    ])
    const after = facts([
      ['api/health', stats(30, 0, 60)],
      ['web/home', stats(30, 0, 450)],
    ])
    assert.deepEqual(
      verifyWindows(before, after, t).map((e) => [e.kind, e.subject, e.before, e.after]),
      [['probe-latency', 'web/home', 200, 450]],
    )
  })

  it('reports a new or multiplied error template when it has enough lines', () => {
    const got = verifyWindows(
      facts([], [['old', 3]]),
      facts(
        [],
        [
          ['new', 6],
          ['old', 9],
          ['rare', 2],
        ],
      ),
      t,
    )
    assert.deepEqual(
      got.map((e) => [e.kind, e.subject, e.before, e.after, e.detail]),
      [
        ['error-template', 'template new', 0, 6, '"template new" logged 6 times after, never before'],
        ['error-template', 'template old', 3, 9, '"template old" logged 9 times after, 3 times before'],
      ],
    )
  })

  it('does not judge a probe with too few checks after the deploy', () => {
    assert.deepEqual(verifyWindows(facts([]), facts([['api/health', stats(2, 2)]]), t), [])
  })
})
