import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { agentActor, humanActor } from '../domain/actor.ts'
import { event, openedPayload, signal, t } from '../testing/incident.ts'
import { project } from './projection.ts'

const ana = humanActor('ana@example.com')

const opened = openedPayload({
  signals: [signal({ time: t(0) })],
  factors: [{ name: 'environment', value: 'production', weight: 30, explanation: 'production serves users' }],
})

const id = { incidentId: 'inc_1', env: 'production' }

describe('applyIncident', () => {
  it('follows an incident from open to resolved with its timeline when its events are folded', () => {
    const s = project([
      event('incident.opened', opened, t(1)),
      event(
        'incident.updated',
        {
          ...id,
          signals: [signal({ time: t(-1), service: 'worker' })],
          assessed: 'SEV1',
          factors: [],
          hypotheses: [],
          type: 'outage',
          title: 'Outage in production: api, worker',
          services: ['api', 'worker'],
          release: null,
          startedAt: t(-1),
        },
        t(2),
      ),
      event('incident.acknowledged', id, t(3), ana),
      event('incident.escalated', { ...id, from: 'SEV2', to: 'SEV1' }, t(4), ana, 'checkout down'),
      event('incident.note', { ...id, text: 'restarted api', done: ['investigate'] }, t(5), ana),
      event('incident.resolved', { ...id, postmortemPath: '.rina/postmortems/inc_1.md' }, t(6), ana, 'fixed'),
      event(
        'incident.recovery_step',
        { ...id, step: 'verify-restored', done: true, detail: 'ok' },
        t(7),
        ana,
      ),
    ])
    const i = s.incidents.inc_1!
    assert.equal(i.status, 'resolved')
    assert.equal(i.severity, 'SEV1')
    assert.equal(i.assessed, 'SEV1')
    assert.deepEqual(
      i.signals.map((x) => x.service),
      ['worker', 'api'],
    )
    assert.equal(i.startedAt, t(-1))
    assert.equal(i.title, 'Outage in production: api, worker')
    assert.deepEqual(i.openedBy, agentActor('incident'))
    assert.deepEqual(i.acknowledgedBy, ana)
    assert.equal(i.acknowledgedAt, t(3))
    assert.deepEqual(i.doneSteps, ['investigate'])
    assert.equal(i.resolvedAt, t(6))
    assert.equal(i.resolution, 'fixed')
    assert.equal(i.postmortemPath, '.rina/postmortems/inc_1.md')
    assert.deepEqual(i.recovery['verify-restored'], { done: true, at: t(7), by: ana, detail: 'ok' })
    assert.equal(i.seqs.length, 7)
    assert.deepEqual(
      i.seqs,
      [...i.seqs].sort((a, b) => a - b),
    )
  })

  it('keeps the first acknowledgement when an incident is acknowledged twice', () => {
    const bob = humanActor('bob@example.com')
    const s = project([
      event('incident.opened', opened, t(1)),
      event('incident.acknowledged', id, t(2), ana),
      event('incident.acknowledged', id, t(3), bob),
    ])
    assert.deepEqual(s.incidents.inc_1!.acknowledgedBy, ana)
    assert.equal(s.incidents.inc_1!.acknowledgedAt, t(2))
  })

  it('ignores events about an incident it never saw opened', () => {
    const s = project([event('incident.acknowledged', { incidentId: 'nope', env: 'production' }, t(1))])
    assert.deepEqual(s.incidents, {})
  })
})
