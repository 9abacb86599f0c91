import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { failed, incidentEvent, started, succeeded } from './fixtures.ts'
import { addEvent, decide, type Group } from './groups.ts'
import { buildMessage, type MessageContext } from './message.ts'
import { eventSeverity } from './routing.ts'

const envs = ['staging', 'production']
const c: MessageContext = {
  channels: ['ops'],
  severityOf: (e) => eventSeverity(e, (e.payload as { env?: string }).env === 'production'),
  nextEnv: (env) => envs[envs.indexOf(env) + 1] ?? null,
}
const timers = { groupWaitMs: 0, groupIntervalMs: 0, repeatIntervalMs: 0 }

function message(events: ReturnType<typeof started>[], family = 'deploy', env = 'production') {
  let g: Group | undefined
  for (const e of events) g = addEvent(g, { route: 0, env, family }, e, 0)
  return buildMessage(g!, decide(g!, 0, timers)!, c)
}

describe('buildMessage', () => {
  it('announces a deploy start with its facts and where to watch', () => {
    const e = started()
    assert.deepEqual(message([e]), {
      channels: ['ops'],
      severity: 'info',
      sourceSeq: e.seq,
      env: 'production',
      title: 'Deploying 1.4.2 to production',
      text: 'Deploy of 1.4.2 to production started (run run_1), 1 steps.',
      facts: [
        { label: 'env', value: 'production' },
        { label: 'release', value: '1.4.2' },
        { label: 'service', value: 'api' },
        { label: 'who', value: 'human:ana@example.com' },
      ],
      nextAction: 'rina status production',
    })
  })

  it('points a staging success at the review of the release', () => {
    const e = succeeded('staging', '1.4.2')
    assert.deepEqual(message([e], 'deploy', 'staging'), {
      channels: ['ops'],
      severity: 'info',
      sourceSeq: e.seq,
      env: 'staging',
      title: '1.4.2 is live in staging',
      text: 'Deploy of 1.4.2 to staging succeeded in 1m35s.',
      facts: [
        { label: 'env', value: 'staging' },
        { label: 'release', value: '1.4.2' },
        { label: 'who', value: 'human:ana@example.com' },
      ],
      nextAction: 'rina review 1.4.2',
    })
  })

  it('reports a failed production deploy as critical with its reason', () => {
    const e = failed()
    assert.deepEqual(message([e]), {
      channels: ['ops'],
      severity: 'critical',
      sourceSeq: e.seq,
      env: 'production',
      title: 'Deploy of 1.4.2 to production failed',
      text: 'health gate failed: api/health 0 of 3 passes (step health-gate).',
      facts: [
        { label: 'env', value: 'production' },
        { label: 'release', value: '1.4.2' },
        { label: 'who', value: 'human:ana@example.com' },
      ],
      nextAction: 'rina status production',
    })
  })

  it('carries an incident’s next command when an incident opens', () => {
    const e = incidentEvent('opened', {
      id: 'inc_7',
      env: 'production',
      title: 'api is down',
      severity: 'SEV1',
      status: 'open',
      services: ['api'],
      release: '1.4.2',
      plan: { next: { stepId: 'rollback', command: 'rina rollback production --reason "incident inc_7"' } },
    })
    assert.deepEqual(message([e], 'incident'), {
      channels: ['ops'],
      severity: 'critical',
      sourceSeq: e.seq,
      env: 'production',
      title: 'SEV1 incident opened in production: api is down',
      text: 'Incident inc_7 is open. Next: rina rollback production --reason "incident inc_7"',
      facts: [
        { label: 'env', value: 'production' },
        { label: 'release', value: '1.4.2' },
        { label: 'service', value: 'api' },
        { label: 'severity', value: 'SEV1' },
        { label: 'who', value: 'agent:incident' },
      ],
      nextAction: 'rina rollback production --reason "incident inc_7"',
    })
  })

  it('says an incident is resolved without a next action', () => {
    const e = incidentEvent('resolved', {
      id: 'inc_7',
      env: 'production',
      title: 'api is down',
      severity: 'SEV1',
    })
    const m = message([e], 'incident')
    assert.equal(m.title, 'SEV1 incident resolved in production: api is down')
    assert.equal(m.text, 'Incident inc_7 is resolved.')
    assert.equal(m.severity, 'info')
    assert.equal(m.nextAction, null)
  })

  it('digests several events into one message with the worst severity', () => {
    const [a, b] = [started(), failed()]
    assert.deepEqual(message([a, b]), {
      channels: ['ops'],
      severity: 'critical',
      sourceSeq: b.seq,
      env: 'production',
      title: '2 deploy updates in production: Deploy of 1.4.2 to production failed',
      text: '• Deploying 1.4.2 to production\n• Deploy of 1.4.2 to production failed',
      facts: [
        { label: 'env', value: 'production' },
        { label: 'release', value: '1.4.2' },
        { label: 'who', value: 'human:ana@example.com' },
      ],
      nextAction: 'rina status production',
    })
  })
})
