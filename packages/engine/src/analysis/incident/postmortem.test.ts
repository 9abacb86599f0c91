import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { humanActor, systemActor } from '../../domain/actor.ts'
import { builtInPlaybooks } from './playbooks.ts'
import { deployFact, event, incidentContext, probe, signal, t } from '../../testing/incident.ts'
import { assessIncident } from './assess.ts'
import { draftIncident } from './attach.ts'
import { postmortemMarkdown, TO_FILL } from './postmortem.ts'
import { incidentTimeline } from './timeline.ts'
import type { Incident } from './types.ts'

const deploys = [
  deployFact('1.4.1', { runId: 'run_a', startedAt: t(-600), endedAt: t(-598) }),
  deployFact('1.4.2', { runId: 'run_b', startedAt: t(-10), endedAt: t(-8), previous: '1.4.1' }),
]
const ctx = incidentContext({
  now: new Date(t(45)),
  deploys,
  probes: [probe('api', 'health', false, 'HTTP 500'), probe('website', 'home', true)],
  frozen: true,
  doneSteps: ['assess-health', 'notify', 'rollback', 'verify'],
  preflight: {
    '1.4.2': {
      decision: 'caution',
      score: 40,
      summary: '1 high finding',
      findings: [
        {
          ruleId: 'migrations/drop-column',
          severity: 'high',
          file: 'db/7.sql',
          line: 3,
          message: 'drops | cart_id',
        },
      ],
    },
  },
})
const draft = draftIncident(
  { id: 'inc_1', key: 'production|deploy:1.4.2', env: 'production', release: '1.4.2' },
  [
    signal({ time: t(1), summary: 'api/health failed 3 of 3 checks: HTTP 500' }),
    signal({
      kind: 'new-template',
      probe: null,
      time: t(2),
      release: '1.4.2',
      template: { key: 'k', text: 'TypeError: cart is undefined' },
      counts: {},
      summary: 'new error',
    }),
  ],
  new Date(t(2)),
)
const incident: Incident = {
  ...assessIncident(draft, ctx, builtInPlaybooks),
  status: 'resolved',
  acknowledgedAt: t(3),
  resolvedAt: t(41),
}
const events = [
  event(
    'deploy.started',
    {
      runId: 'run_b',
      env: 'production',
      release: '1.4.2',
      kind: 'deploy',
      services: [{ service: 'api', previous: '1.4.1' }],
      steps: [],
      confirmation: 'typed',
      holder: 'h',
    },
    t(-10),
    humanActor('ana'),
  ),
  event('freeze.enabled', { env: 'production', until: null }, t(6), humanActor('ana'), 'incident inc_1'),
  event('freeze.enabled', { env: 'staging', until: null }, t(7), humanActor('ana'), 'unrelated'),
  event(
    'notification.requested',
    {
      notificationId: 'n1',
      channel: 'ops',
      severity: 'critical',
      title: 'SEV2 outage | api',
      text: '',
      env: 'production',
      idempotencyKey: 'k',
      sourceSeq: null,
    },
    t(8),
  ),
  event('health.checked', { env: 'production', healthy: true, probes: [] }, t(40), humanActor('ana')),
  event('health.checked', { env: 'production', healthy: true, probes: [] }, t(50), humanActor('ana')),
]

describe('incidentTimeline', () => {
  it('merges signals and events of the environment when they fall between the deploy and the resolution', () => {
    assert.deepEqual(
      incidentTimeline(incident, events).map((e) => [e.time, e.actor, e.text]),
      [
        [t(-10), 'human:ana', 'deploy of 1.4.2 to production started (run run_b)'],
        [t(1), 'signal', 'probe-failing: api/health failed 3 of 3 checks: HTTP 500'],
        [t(2), 'signal', 'new-template: new error'],
        [t(6), 'human:ana', 'froze production: incident inc_1'],
        [t(8), 'agent:incident', 'notified ops (critical): SEV2 outage | api'],
        [t(40), 'human:ana', 'health check: every probe passes'],
      ],
    )
  })

  it('describes an event type it does not know by its type and reason', () => {
    const e = {
      ...event('freeze.disabled', { env: 'production' }, t(9), systemActor()),
      type: 'incident.escalated',
    } as never
    assert.deepEqual(incidentTimeline(incident, [e]).at(-1), {
      time: t(9),
      actor: 'system:rina',
      text: 'incident.escalated',
    })
  })
})

describe('postmortemMarkdown', () => {
  const md = postmortemMarkdown(incident, events, ctx)
  const section = (title: string) => md.split(`## ${title}\n`)[1]!.split('\n## ')[0]!

  it('summarises the incident with its duration and likely cause when resolved', () => {
    assert.match(md, /^# Postmortem: Outage in production: api \(after 1\.4\.2\)\n/)
    assert.match(
      section('Summary'),
      /Outage in production: api \(after 1\.4\.2\) lasted 40m at SEV2\. Most likely cause: the deploy of 1\.4\.2 caused it\./,
    )
    assert.match(section('Summary'), /\| Resolved \| 2026-01-05 10:41:00 UTC \|/)
  })

  it('lists the severity factors and the services when describing the impact', () => {
    const impact = section('Impact')
    assert.match(impact, /- Services: api \(api\)\./)
    assert.match(impact, /\| probes \| 50% \| 30 \| 1 of 2 probes failing: api\/health \|/)
    assert.ok(impact.includes(TO_FILL))
  })

  it('renders the timeline as a table when texts contain pipes', () => {
    assert.match(
      section('Timeline (UTC)'),
      /\| 2026-01-05 10:08:00 \| agent:incident \| notified ops \(critical\): SEV2 outage \\\| api \|/,
    )
  })

  it('gives the top hypothesis with its evidence when hypotheses exist', () => {
    const root = section('Root cause')
    assert.match(root, /\*\*Most likely: The deploy of 1\.4\.2 caused it\*\* \(score \d+\/100\)/)
    assert.match(root, /- new since 1\.4\.2: "TypeError: cart is undefined"/)
    assert.match(root, /Check: `rina review 1\.4\.2`/)
  })

  it('marks what went well and badly for people to fill when drafting', () => {
    assert.ok(section('What went well').startsWith(`\n${TO_FILL}`))
    assert.ok(section('What went badly').startsWith(`\n${TO_FILL}`))
  })

  it('turns open plan steps and serious findings into action items when some remain', () => {
    assert.deepEqual(section('Action items').trim().split('\n'), [
      '- [ ] Work through the ranked root-cause hypotheses and their evidence (on-call engineer): `rina incident show inc_1`',
      '- [ ] Address preflight finding migrations/drop-column (high) at db/7.sql:3: drops | cart_id',
      `- [ ] ${TO_FILL} changes that stop this from happening again, each with an owner.`,
    ])
  })
})
