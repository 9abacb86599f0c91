import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { incidentContext, probe, signal, t } from '../../testing/incident.ts'
import { draftIncident } from './attach.ts'
import { assessSeverity } from './severity.ts'
import type { IncidentContext, IncidentSeverity, Signal } from './types.ts'

const incidentOf = (signals: Signal[]) =>
  draftIncident({ id: 'inc_1', key: 'k', env: signals[0]!.env, release: null }, signals, new Date(t(0)))
const errors = (service: string, time = t(0)) =>
  signal({ kind: 'error-rate', service, probe: null, time, counts: { before: 0.01, after: 0.3 } })
const allDown = [
  probe('website', 'home', false),
  probe('api', 'health', false),
  probe('worker', 'beat', false),
]

const scenarios: {
  name: string
  signals: Signal[]
  ctx: Partial<IncidentContext>
  severity: IncidentSeverity
  score: number
}[] = [
  {
    name: 'SEV1 when every probe of every production service fails',
    signals: [signal({ service: 'website' }), signal(), signal({ service: 'worker' })],
    ctx: { probes: allDown },
    severity: 'SEV1',
    score: 30 + 20 + 40 + 0 + 0 + 15,
  },
  {
    name: 'SEV1 when a user-facing production API has failed half its probes for over an hour',
    signals: [signal({ time: t(-65) })],
    ctx: { probes: [probe('api', 'health', false), probe('website', 'home', true)], errorRate: 0.6 },
    severity: 'SEV1',
    score: 30 + 20 + 30 + 25 + 15,
  },
  {
    name: 'SEV2 when one user-facing production service is down',
    signals: [signal()],
    ctx: {
      probes: [probe('api', 'health', false), probe('website', 'home', true), probe('worker', 'beat', true)],
    },
    severity: 'SEV2',
    score: 30 + 20 + 15,
  },
  {
    name: 'SEV2 when a production API logs 30% errors for 20 minutes',
    signals: [errors('api', t(-15))],
    ctx: { probes: [probe('api', 'health', true)] },
    severity: 'SEV2',
    score: 30 + 20 + 15 + 8,
  },
  {
    name: 'SEV2 when a security incident touches a production worker',
    signals: [signal({ kind: 'security', service: 'worker', probe: null, counts: {} })],
    ctx: {},
    severity: 'SEV2',
    score: 30 + 5 + 30,
  },
  {
    name: 'SEV3 when a production worker logs errors',
    signals: [errors('worker')],
    ctx: { errorRate: 0.02 },
    severity: 'SEV3',
    score: 30 + 5,
  },
  {
    name: 'SEV3 when production logs new errors on an unknown service',
    signals: [signal({ kind: 'new-template', service: null, probe: null, counts: {} })],
    ctx: {},
    severity: 'SEV3',
    score: 30 + 10,
  },
  {
    name: 'SEV3 (capped) when every staging probe fails',
    signals: [
      signal({ env: 'staging', service: 'website' }),
      signal({ env: 'staging' }),
      signal({ env: 'staging', service: 'worker' }),
    ],
    ctx: { production: false, probes: allDown },
    severity: 'SEV3',
    score: 0 + 20 + 40 + 0 + 0 + 15,
  },
  {
    name: 'SEV4 when a staging API logs a few errors',
    signals: [errors('api')],
    ctx: { production: false, errorRate: 0.03 },
    severity: 'SEV4',
    score: 20,
  },
  {
    name: 'SEV4 when a staging worker went silent',
    signals: [signal({ kind: 'silence', env: 'staging', service: 'worker', probe: null, counts: {} })],
    ctx: { production: false },
    severity: 'SEV4',
    score: 5,
  },
  {
    name: 'the declared severity when a person declared one',
    signals: [errors('worker'), signal({ kind: 'manual', service: null, declared: { severity: 'SEV1' } })],
    ctx: { errorRate: 0.02 },
    severity: 'SEV1',
    score: 30 + 5,
  },
]

describe('assessSeverity', () => {
  for (const s of scenarios) {
    it(`assesses ${s.name}`, () => {
      const a = assessSeverity(incidentOf(s.signals), incidentContext(s.ctx))
      assert.equal(a.severity, s.severity, a.factors.map((f) => `${f.name}=${f.weight}`).join(' '))
      assert.equal(a.score, s.score)
    })
  }

  it('explains every factor when the incident is assessed', () => {
    const a = assessSeverity(
      incidentOf([signal({ time: t(-20) })]),
      incidentContext({
        probes: [probe('api', 'health', false, 'connect ECONNREFUSED'), probe('website', 'home', true)],
        errorRate: 0.25,
      }),
    )
    assert.deepEqual(a.factors, [
      { name: 'environment', value: 'production', weight: 30, explanation: 'production serves users' },
      { name: 'user-facing', value: true, weight: 20, explanation: 'users reach api (api)' },
      { name: 'probes', value: '50%', weight: 30, explanation: '1 of 2 probes failing: api/health' },
      { name: 'error-rate', value: '25%', weight: 15, explanation: '25% of log lines are errors' },
      { name: 'duration', value: '25m', weight: 8, explanation: 'first signal 25 minutes ago' },
      { name: 'breadth', value: '1/3', weight: 0, explanation: '1 of 3 services affected' },
    ])
  })

  it('counts failing probes from the signals when no probe summary is given', () => {
    const a = assessSeverity(incidentOf([signal(), signal({ probe: 'ready' })]), incidentContext())
    assert.deepEqual(a.factors[2], {
      name: 'probes',
      value: 2,
      weight: 15,
      explanation: '2 probe(s) failing; no summary of the rest',
    })
  })
})
