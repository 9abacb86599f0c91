import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Signal as LogSignal } from '../logs/anomaly.ts'
import { probe, t } from '../../testing/incident.ts'
import { fromDeployFailed, fromLogSignal, fromProbeSummaries, manualSignal } from './signals.ts'

const log = (over: Partial<LogSignal>): LogSignal => ({
  kind: 'spike',
  source: 'api-log',
  time: Date.parse(t(1)),
  key: 'k1',
  template: 'TypeError: <*>',
  severity: 'error',
  evidence: {
    examples: ['TypeError: x'],
    before: 1.5,
    after: 40,
    firstSeen: null,
    release: null,
    pValue: 1e-9,
  },
  ...over,
})

describe('fromLogSignal', () => {
  const scenarios: { name: string; input: LogSignal; kind: string | null; summary?: string }[] = [
    {
      name: 'an error spike when error lines spike',
      input: log({}),
      kind: 'error-spike',
      summary: 'api-log: 40 lines of "TypeError: <*>" against ~1.5 expected',
    },
    { name: 'nothing when info lines spike', input: log({ severity: 'info' }), kind: null },
    {
      name: 'a new template tied to its release when one appears after a release',
      input: log({ kind: 'new-template', evidence: { ...log({}).evidence, release: '1.4.2', after: 3 } }),
      kind: 'new-template',
      summary: 'api-log: new error "TypeError: <*>" since 1.4.2',
    },
    {
      name: 'nothing when a new info template appears',
      input: log({ kind: 'new-template', severity: 'info' }),
      kind: null,
    },
    {
      name: 'an error-rate signal with shares when the error rate rises',
      input: log({
        kind: 'error-rate',
        key: null,
        template: null,
        evidence: { ...log({}).evidence, before: 0.02, after: 0.31 },
      }),
      kind: 'error-rate',
      summary: 'api-log: error share 31% against 2% before',
    },
    {
      name: 'a silence signal when a source goes quiet',
      input: log({ kind: 'silence', key: null, template: null }),
      kind: 'silence',
      summary: 'api-log went silent',
    },
  ]
  for (const s of scenarios) {
    it(`gives ${s.name}`, () => {
      const out = fromLogSignal(s.input, 'production', 'api')
      assert.equal(out?.kind ?? null, s.kind)
      if (s.summary) assert.equal(out?.summary, s.summary)
      if (out) assert.deepEqual([out.env, out.service, out.time], ['production', 'api', t(1)])
    })
  }
})

describe('fromProbeSummaries', () => {
  it('gives one signal per failing probe with its check counts when probes fail', () => {
    const out = fromProbeSummaries(
      'production',
      [
        probe('api', 'health', false, 'HTTP 503'),
        probe('website', 'home', true),
        { ...probe('app', 'feed', false), type: 'electron-feed' },
      ],
      t(2),
    )
    assert.deepEqual(
      out.map((s) => [s.kind, s.service, s.probe, s.counts, s.summary]),
      [
        [
          'probe-failing',
          'api',
          'health',
          { failures: 3, checks: 3 },
          'api/health failed 3 of 3 checks: HTTP 503',
        ],
        [
          'electron-feed',
          'app',
          'feed',
          { failures: 3, checks: 3 },
          'app/feed failed 3 of 3 checks: HTTP 503',
        ],
      ],
    )
  })
})

describe('fromDeployFailed', () => {
  it('carries the release and the failed step when a deploy failed', () => {
    const s = fromDeployFailed(
      {
        env: 'production',
        release: '1.4.2',
        runId: 'run_b',
        reason: 'health gate failed',
        failedStep: 'health',
        service: 'api',
      },
      t(0),
    )
    assert.deepEqual(
      [s.kind, s.service, s.release, s.summary, s.evidence],
      [
        'deploy-failed',
        'api',
        '1.4.2',
        'deploy of 1.4.2 failed (run run_b): health gate failed',
        ['failed step: health'],
      ],
    )
  })
})

describe('manualSignal', () => {
  it('records what a person declared when they trigger incident response', () => {
    const s = manualSignal('production', t(0), 'ana@example.com', { type: 'outage', severity: 'SEV1' })
    assert.deepEqual(
      [s.kind, s.summary, s.declared],
      [
        'manual',
        'ana@example.com triggered incident response (outage SEV1)',
        { type: 'outage', severity: 'SEV1' },
      ],
    )
  })
})
