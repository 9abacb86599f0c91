import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { countingIds } from '../../testing/fakes.ts'
import { deployFact, signal, t } from '../../testing/incident.ts'
import { attachSignals, draftIncident } from './attach.ts'
import { correlate } from './correlate.ts'
import type { DeployFact } from './deploys.ts'
import type { IncidentDraft, Signal } from './types.ts'

const now = new Date(t(10))
const existing = (key: string, signals: Signal[], over: Partial<IncidentDraft> = {}): IncidentDraft => ({
  ...draftIncident(
    { id: 'inc_old', key, env: signals[0]!.env, release: null },
    signals,
    new Date(signals[0]!.time),
  ),
  ...over,
})
const spike = (over: Partial<Signal> = {}) =>
  signal({
    kind: 'error-spike',
    probe: null,
    template: { key: 'k1', text: 'TypeError: cannot read <*>' },
    counts: { before: 1, after: 40 },
    summary: 'api: 40 lines of "TypeError"',
    ...over,
  })

const scenarios: {
  name: string
  open?: IncidentDraft[]
  signals: Signal[]
  deploys?: DeployFact[]
  expectOpen: [key: string, type: string, services: string[], signals: number][]
  expectUpdate?: [id: string, signals: number][]
  duplicates?: number
}[] = [
  {
    name: 'opens one incident when a failing probe and an error spike hit the same service',
    signals: [signal({ time: t(1) }), spike({ time: t(3) })],
    expectOpen: [['production|service:api', 'outage', ['api'], 2]],
  },
  {
    name: 'opens one incident per service when nothing was deployed',
    signals: [
      signal({ time: t(1) }),
      spike({ service: 'worker', template: { key: 'w1', text: 'job failed' }, time: t(2) }),
    ],
    expectOpen: [
      ['production|service:api', 'outage', ['api'], 1],
      ['production|service:worker', 'elevated-errors', ['worker'], 1],
    ],
  },
  {
    name: 'groups every signal under the deploy when they follow it',
    deploys: [deployFact('1.4.2', { startedAt: t(-5), endedAt: t(-4), previous: '1.4.1' })],
    signals: [
      signal({ time: t(1) }),
      spike({ service: 'worker', template: { key: 'w1', text: 'job failed' }, time: t(2) }),
    ],
    expectOpen: [['production|deploy:1.4.2', 'outage', ['api', 'worker'], 2]],
  },
  {
    name: 'ignores a deploy older than the deploy window',
    deploys: [deployFact('1.4.2', { startedAt: t(-300), endedAt: t(-299) })],
    signals: [signal({ time: t(1) })],
    expectOpen: [['production|service:api', 'outage', ['api'], 1]],
  },
  {
    name: 'keeps environments apart when the same service fails in both',
    signals: [signal({ time: t(1) }), signal({ env: 'staging', time: t(1) })],
    expectOpen: [
      ['production|service:api', 'outage', ['api'], 1],
      ['staging|service:api', 'outage', ['api'], 1],
    ],
  },
  {
    name: 'drops an identical signal when it repeats within the dedup window',
    signals: [signal({ time: t(1) }), signal({ time: t(2) })],
    expectOpen: [['production|service:api', 'outage', ['api'], 1]],
    duplicates: 1,
  },
  {
    name: 'keeps an identical signal when it is seen after the dedup window',
    signals: [signal({ time: t(0) }), signal({ time: t(6) })],
    expectOpen: [['production|service:api', 'outage', ['api'], 2]],
  },
  {
    name: 'groups log signals by their template when they name no service',
    signals: [
      spike({ service: null, kind: 'new-template', time: t(1) }),
      spike({ service: null, time: t(30), counts: { before: 2, after: 50 } }),
    ],
    expectOpen: [['production|template:k1', 'elevated-errors', [], 2]],
  },
  {
    name: 'keeps a security signal in its own incident when a service also fails',
    signals: [
      signal({ time: t(1) }),
      signal({ kind: 'security', probe: null, time: t(2), summary: 'token in logs' }),
    ],
    expectOpen: [
      ['production|service:api', 'outage', ['api'], 1],
      ['production|security:api', 'security', ['api'], 1],
    ],
  },
  {
    name: 'attaches a signal to an open incident when it is related',
    open: [existing('production|service:api', [signal({ time: t(0) })])],
    signals: [spike({ time: t(4) })],
    expectOpen: [],
    expectUpdate: [['inc_old', 1]],
  },
  {
    name: 'drops a signal when the open incident already holds its repeat',
    open: [existing('production|service:api', [signal({ time: t(0) })])],
    signals: [signal({ time: t(2) })],
    expectOpen: [],
    duplicates: 1,
  },
  {
    name: 'opens a new incident when the matching one is resolved',
    open: [existing('production|service:api', [signal({ time: t(0) })], { status: 'resolved' })],
    signals: [signal({ time: t(8) })],
    expectOpen: [['production|service:api', 'outage', ['api'], 1]],
  },
  {
    name: 'attaches a manual trigger to the open incident when its environment has one',
    open: [existing('production|service:worker', [spike({ service: 'worker', time: t(0) })])],
    signals: [signal({ kind: 'manual', service: null, probe: null, time: t(5), summary: 'ana triggered' })],
    expectOpen: [],
    expectUpdate: [['inc_old', 1]],
  },
  {
    name: 'opens an incident of the declared type when a manual trigger finds nothing open',
    signals: [
      signal({
        kind: 'manual',
        service: null,
        probe: null,
        time: t(5),
        declared: { type: 'security' },
        counts: {},
      }),
    ],
    expectOpen: [['production|manual', 'security', [], 1]],
  },
]

describe('correlate', () => {
  for (const s of scenarios) {
    it(`${s.name}`, () => {
      const r = correlate(s.open ?? [], s.signals, now, { ids: countingIds('inc'), deploys: s.deploys ?? [] })
      assert.deepEqual(
        r.open.map((i) => [i.key, i.type, i.services, i.signals.length]),
        s.expectOpen,
      )
      assert.deepEqual(
        r.update.map((u) => [u.incident.id, u.signals.length]),
        s.expectUpdate ?? [],
      )
      assert.equal(r.duplicates.length, s.duplicates ?? 0)
    })
  }

  it('gives new incidents injected ids, their deploy and a title when opened', () => {
    const r = correlate([], [signal({ time: t(1) })], now, {
      ids: countingIds('x'),
      deploys: [deployFact('1.4.2', { startedAt: t(-5), endedAt: t(-4) })],
    })
    const i = r.open[0]!
    assert.deepEqual(
      [i.id, i.release, i.title, i.status, i.startedAt, i.openedAt],
      ['inc_000001', '1.4.2', 'Outage in production: api (after 1.4.2)', 'open', t(1), t(10)],
    )
  })

  it('offers an open incident to resolve when it has been quiet long enough', () => {
    const quiet = existing('production|service:api', [signal({ time: t(-20) })])
    const recent = existing('production|service:web', [signal({ service: 'web', time: t(-2) })], {
      id: 'inc_new',
    })
    const r = correlate([quiet, recent], [], now, { ids: countingIds() })
    assert.deepEqual(
      r.resolvedCandidates.map((c) => [c.incident.id, c.quietForMs, c.detail]),
      [['inc_old', 30 * 60_000, 'no new signal for 30m']],
    )
  })
})

describe('attachSignals', () => {
  it('re-derives type, services and title when a hard-down probe joins an errors incident', () => {
    const before = existing('production|service:worker', [spike({ service: 'worker', time: t(0) })])
    assert.equal(before.type, 'elevated-errors')
    const after = attachSignals(before, [signal({ service: 'api', time: t(3) })], now)
    assert.deepEqual(
      [after.type, after.services, after.title, after.updatedAt],
      ['outage', ['api', 'worker'], 'Outage in production: api, worker', t(10)],
    )
  })
})
