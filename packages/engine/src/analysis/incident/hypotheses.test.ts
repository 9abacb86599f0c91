import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { deployFact, incidentContext, probe, signal, t } from '../../testing/incident.ts'
import { draftIncident } from './attach.ts'
import { rankHypotheses } from './hypotheses.ts'
import type { IncidentContext, Signal } from './types.ts'

const incidentOf = (signals: Signal[], release: string | null = null) =>
  draftIncident({ id: 'inc_1', key: 'k', env: 'production', release }, signals, new Date(t(0)))
const newTemplate = (text: string, release: string | null = '1.4.2') =>
  signal({
    kind: 'new-template',
    probe: null,
    release,
    template: { key: text, text },
    counts: {},
    summary: text,
  })
const deploy = deployFact('1.4.2', { startedAt: t(-7), endedAt: t(-5), previous: '1.4.1' })

const scenarios: {
  name: string
  signals: Signal[]
  ctx: Partial<IncidentContext>
  ranking: [kind: string, score: number][]
}[] = [
  {
    name: 'ranks the recent deploy first when new errors appeared since it and preflight warned',
    signals: [newTemplate('TypeError: cart is undefined')],
    ctx: {
      deploys: [deploy],
      preflight: {
        '1.4.2': {
          decision: 'caution',
          score: 45,
          summary: '1 high finding',
          findings: [
            {
              ruleId: 'migrations/drop-column',
              severity: 'high',
              file: 'db/7.sql',
              line: 3,
              message: 'drops cart_id',
            },
          ],
        },
      },
    },
    ranking: [['recent-deploy', 95]],
  },
  {
    name: 'scores a deploy lower when it happened long before the first signal',
    signals: [signal({ kind: 'error-rate', probe: null, counts: { before: 0.01, after: 0.2 } })],
    ctx: { deploys: [deployFact('1.4.2', { startedAt: t(-100), endedAt: t(-90) })] },
    ranking: [['recent-deploy', 50]],
  },
  {
    name: 'points at an external dependency when one probe of several fails with connection errors',
    signals: [
      signal({ service: 'api', probe: 'payments' }),
      newTemplate('upstream connect error ETIMEDOUT', null),
    ],
    ctx: {
      probes: [
        probe('api', 'payments', false, 'connect ETIMEDOUT 10.0.0.5:443'),
        probe('api', 'health', true),
        probe('website', 'home', true),
      ],
    },
    ranking: [
      ['external-dependency', 55],
      ['service-down', 40],
      ['new-error', 30],
    ],
  },
  {
    name: 'points at the service itself when every probe fails and its logs went silent',
    signals: [signal(), signal({ kind: 'silence', probe: null, counts: {}, summary: 'api went silent' })],
    ctx: { probes: [probe('api', 'health', false, 'connect ECONNREFUSED')] },
    ranking: [['service-down', 65]],
  },
  {
    name: 'weighs a config change when no deploy preceded the incident',
    signals: [signal({ kind: 'error-rate', probe: null, counts: {} })],
    ctx: { configChanges: [{ at: t(-20), detail: 'DATABASE_POOL changed from 20 to 2' }] },
    ranking: [['config-change', 65]],
  },
  {
    name: 'ranks a load spike when traffic quadrupled and probes got slow',
    signals: [
      signal({ counts: { failures: 2, checks: 3, latencyMs: 2500 }, summary: 'api/health slow: 2500ms' }),
    ],
    ctx: { traffic: { before: 100, now: 450 }, probes: [probe('api', 'health', true)] },
    ranking: [['load-spike', 65]],
  },
  {
    name: 'returns nothing when no rule matches',
    signals: [signal({ kind: 'error-spike', probe: null, counts: {} })],
    ctx: {},
    ranking: [],
  },
]

describe('rankHypotheses', () => {
  for (const s of scenarios) {
    it(`${s.name}`, () => {
      const list = rankHypotheses(incidentOf(s.signals), incidentContext(s.ctx))
      assert.deepEqual(
        list.map((h) => [h.kind, h.score]),
        s.ranking,
      )
    })
  }

  it('lists the evidence of a recent deploy when it is the top hypothesis', () => {
    const [top] = rankHypotheses(
      incidentOf([newTemplate('TypeError: cart is undefined')], '1.4.2'),
      incidentContext({
        deploys: [deploy],
        preflight: {
          '1.4.2': {
            decision: 'caution',
            score: 45,
            summary: '1 high finding',
            findings: [
              {
                ruleId: 'migrations/drop-column',
                severity: 'high',
                file: 'db/7.sql',
                line: 3,
                message: 'drops cart_id',
              },
              { ruleId: 'tests/missing', severity: 'low', file: 'src/cart.ts', line: 1, message: 'no test' },
            ],
          },
        },
      }),
    )
    assert.deepEqual(top, {
      kind: 'recent-deploy',
      title: 'The deploy of 1.4.2 caused it',
      score: 95,
      evidence: [
        '1.4.2 was deployed to production 5m before the first signal (run run_1.4.2, succeeded)',
        'new since 1.4.2: "TypeError: cart is undefined"',
        'preflight caution (score 45): 1 high finding',
        'migrations/drop-column (high) db/7.sql:3: drops cart_id',
      ],
      check: 'rina review 1.4.2',
    })
  })
})
