import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { routeSchema } from '../../config/schema.ts'
import { agentActor, humanActor } from '../../domain/actor.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { event, incidentEvent } from './fixtures.ts'
import { decide, dueAt, idle, type Group } from './groups.ts'
import { incidentOf } from './incident-notice.ts'
import { applyEvent, projectCommunication, type FoldContext } from './projection.ts'

const T0 = Date.parse('2026-01-05T10:00:00.000Z')
const H = 3_600
/** Seconds after T0 as epoch milliseconds and as ISO time. */
const ms = (s: number) => T0 + s * 1_000
const at = (s: number) => new Date(ms(s)).toISOString()

const timers = { groupWaitMs: 10_000, groupIntervalMs: 60_000, repeatIntervalMs: 4 * H * 1_000 }
const route = (events: string[]) => routeSchema.parse({ channels: ['ops'], events })
const fold: FoldContext = {
  routes: [route(['incident.*']), route(['deploy.*'])],
  environments: ['staging', 'production'],
  timers,
}
const INCIDENTS = '0|production|incident'
const DEPLOYS = '1|production|deploy'

const opened = (s: number) =>
  incidentEvent(
    'opened',
    { id: 'inc_1', env: 'production', title: 'api down', severity: 'SEV2', services: ['api'] },
    { time: at(s) },
  )
const updated = (s: number) => incidentEvent('updated', { id: 'inc_1', env: 'production' }, { time: at(s) })
const resolved = (s: number) => incidentEvent('resolved', { id: 'inc_1', env: 'production' }, { time: at(s) })
const deploy = (s: number, type: 'deploy.started' | 'deploy.succeeded' = 'deploy.started') =>
  type === 'deploy.started'
    ? event(
        'deploy.started',
        {
          runId: 'run_1',
          env: 'production',
          release: '1.4.2',
          kind: 'deploy',
          services: [],
          steps: [],
          confirmation: 'typed',
          holder: 'h',
        },
        { time: at(s) },
      )
    : event(
        'deploy.succeeded',
        { runId: 'run_1', env: 'production', release: '1.4.2', kind: 'deploy', durationMs: 1_000 },
        { time: at(s) },
      )

/**
 * A `notification.requested` as requestNotification journals it; `group` absent as in older journals. Built in
 * journal order: each builder takes the next sequence.
 */
const request = (s: number, sourceSeq: number | null, group?: string) =>
  event(
    'notification.requested',
    {
      notificationId: 'ntf_1',
      channel: 'ops',
      severity: 'critical',
      title: 'x',
      text: 'x',
      env: 'production',
      idempotencyKey: 'ntf_1:ops',
      sourceSeq,
      ...(group !== undefined ? { group } : {}),
    },
    { time: at(s), actor: group === undefined ? humanActor('ana@example.com') : agentActor('communication') },
  )

/** The facts a test reads from a group: its timers' inputs and what it holds. */
const facts = (g: Group | undefined) =>
  g && {
    firstAt: g.firstAt,
    sentAt: g.sentAt,
    pending: g.pending.map((e) => e.seq),
    open: Object.fromEntries(Object.entries(g.open).map(([id, e]) => [id, e.seq])),
  }

const project = (events: JournalEvent[], nowS: number) => projectCommunication(events, fold, ms(nowS))

describe('projectCommunication', () => {
  it('goes on from the last send of a group when its request names the group', () => {
    const o = opened(0)
    const s = project([o, request(10, o.seq, INCIDENTS)], 30 * 60)
    const g = s.groups.get(INCIDENTS)
    assert.deepEqual(facts(g), { firstAt: ms(0), sentAt: ms(10), pending: [], open: { inc_1: o.seq } })
    assert.equal(dueAt(g!, timers), ms(10 + 4 * H), 'the repeat comes one repeatInterval after the send')
    assert.equal(decide(g!, ms(10 + 4 * H) - 1, timers), null)
    assert.deepEqual(decide(g!, ms(10 + 4 * H), timers), { kind: 'repeat', events: [g!.open['inc_1']] })
  })

  it('holds an event that came after the send until groupInterval has passed since it', () => {
    const o = opened(0)
    const sent = request(10, o.seq, INCIDENTS)
    const u = updated(30)
    const g = project([o, sent, u], 40).groups.get(INCIDENTS)
    assert.deepEqual(facts(g), { firstAt: ms(0), sentAt: ms(10), pending: [u.seq], open: { inc_1: u.seq } })
    assert.equal(dueAt(g!, timers), ms(70))
  })

  it('leaves events journaled after the send’s source pending when the request came later', () => {
    const o = opened(0)
    const u = updated(9)
    const g = project([o, u, request(10, o.seq, INCIDENTS)], 20).groups.get(INCIDENTS)
    assert.deepEqual(facts(g)!.pending, [u.seq])
  })

  it('marks only the named group sent when two groups hold the same event', () => {
    const both = { ...fold, routes: [route(['incident.*']), route(['incident.opened'])] }
    const o = opened(0)
    const s = projectCommunication([o, request(10, o.seq, INCIDENTS)], both, ms(20))
    assert.equal(s.groups.get(INCIDENTS)!.sentAt, ms(10))
    assert.equal(s.groups.get('1|production|incident')!.sentAt, null)
  })

  it('counts a request without a group as a send of the groups holding its source event (older journals)', () => {
    const o = opened(0)
    const d = deploy(1)
    const s = project([o, d, request(10, o.seq)], 20)
    assert.deepEqual(facts(s.groups.get(INCIDENTS)), {
      firstAt: ms(0),
      sentAt: ms(10),
      pending: [],
      open: { inc_1: o.seq },
    })
    assert.deepEqual(facts(s.groups.get(DEPLOYS)), {
      firstAt: ms(1),
      sentAt: null,
      pending: [d.seq],
      open: {},
    })
  })

  it('ignores a person’s `rina notify` when it has no source event', () => {
    const o = opened(0)
    assert.equal(project([o, request(10, null)], 20).groups.get(INCIDENTS)!.sentAt, null)
  })

  it('forgets an incident and its group once the resolution is sent and groupInterval has passed', () => {
    const o = opened(0)
    const sent = request(10, o.seq, INCIDENTS)
    const r = resolved(H)
    const s = project([o, sent, r, request(H, r.seq, INCIDENTS)], H + 30)
    const g = s.groups.get(INCIDENTS)!
    assert.deepEqual(facts(g), { firstAt: ms(0), sentAt: ms(H), pending: [], open: {} })
    assert.equal(dueAt(g, timers), null)
    assert.equal(idle(g, ms(H + 60), timers), true)
    assert.equal(s.incidents.size, 0)
  })

  it('starts a new group when an event arrives after its group went idle', () => {
    const first = deploy(0)
    const sent = request(10, first.seq, DEPLOYS)
    const later = deploy(300, 'deploy.succeeded')
    const g = project([first, sent, later], 300).groups.get(DEPLOYS)
    assert.deepEqual(facts(g), { firstAt: ms(300), sentAt: null, pending: [later.seq], open: {} })
    assert.equal(dueAt(g!, timers), ms(310))
  })

  it('drops unsent events older than a repeat interval and restates their open incidents once due', () => {
    const o = opened(0)
    const old = deploy(1)
    const recent = deploy(5 * H - 60, 'deploy.succeeded')
    const s = project([o, old, recent], 5 * H)
    const deploys = s.groups.get(DEPLOYS)!
    assert.deepEqual(facts(deploys), {
      firstAt: ms(5 * H - 60),
      sentAt: null,
      pending: [recent.seq],
      open: {},
    })
    const incidents = s.groups.get(INCIDENTS)!
    assert.deepEqual(facts(incidents), { firstAt: ms(0), sentAt: null, pending: [], open: { inc_1: o.seq } })
    assert.deepEqual(decide(incidents, ms(5 * H), timers), {
      kind: 'repeat',
      events: [incidents.open['inc_1']],
    })
  })

  it('fills in what the opening said when a later event about the incident lacks it', () => {
    const u = updated(30)
    const g = project([opened(0), u], 40).groups.get(INCIDENTS)!
    const facts = incidentOf(g.open['inc_1']!)!
    assert.deepEqual([facts.title, facts.severity, facts.services], ['api down', 'SEV2', ['api']])
  })
})

describe('applyEvent', () => {
  it('skips events already folded when the journal read on start and the live events overlap', () => {
    const o = opened(0)
    const d = deploy(1)
    const s = project([o, d], 5)
    applyEvent(s, d, fold, ms(6))
    assert.equal(s.seq, d.seq)
    assert.deepEqual(facts(s.groups.get(DEPLOYS))!.pending, [d.seq])
  })
})
