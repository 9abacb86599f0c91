import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { routeSchema } from '../../config/schema.ts'
import { agentActor } from '../../domain/actor.ts'
import { event, failed, incidentEvent, started, succeeded } from './fixtures.ts'
import { eventSeverity, matchRoutes } from './routing.ts'

const route = (r: Record<string, unknown>) => routeSchema.parse({ channels: ['ops'], ...r })
const envs = ['staging', 'production']

describe('matchRoutes', () => {
  const routes = [
    route({ events: ['deploy.*'] }),
    route({ events: ['*'], environments: ['production'], minSeverity: 'critical' }),
    route({ events: ['incident.*', 'health.changed'], minSeverity: 'warning' }),
  ]
  const scenarios: { name: string; e: ReturnType<typeof started>; want: number[] }[] = [
    { name: 'a production deploy start takes the deploy route only', e: started(), want: [0] },
    { name: 'a failed production deploy is critical and takes both', e: failed(), want: [0, 1] },
    { name: 'a failed staging deploy is a warning', e: failed('staging'), want: [0] },
    {
      name: 'a production outage takes the critical and health routes',
      e: event('health.changed', {
        env: 'production',
        service: 'api',
        probe: 'h',
        healthy: false,
        after: 3,
        detail: 'x',
      }),
      want: [1, 2],
    },
    {
      name: 'a recovery is info and passes no warning route',
      e: event('health.changed', {
        env: 'production',
        service: 'api',
        probe: 'h',
        healthy: true,
        after: 2,
        detail: 'x',
      }),
      want: [],
    },
    {
      name: 'a SEV1 incident is critical',
      e: incidentEvent('opened', { id: 'inc_1', env: 'production', title: 't', severity: 'SEV1' }),
      want: [1, 2],
    },
    {
      name: 'notification events never route',
      e: event('notification.delivered', { notificationId: 'n', channel: 'ops', attempts: 1 }),
      want: [],
    },
  ]
  for (const s of scenarios) {
    it(`routes as configured when ${s.name}`, () => {
      assert.deepEqual(
        matchRoutes(routes, s.e, envs).map((m) => m.route),
        s.want,
      )
    })
  }

  it('reports the severity and environment of each match when an event matches', () => {
    assert.deepEqual(matchRoutes([route({})], succeeded('staging'), envs), [
      { route: 0, severity: 'info', env: 'staging' },
    ])
  })
})

describe('eventSeverity', () => {
  it('grades incidents by their severity and resolved ones as info', () => {
    const sev = (severity: string, verb: 'opened' | 'resolved' = 'opened') =>
      eventSeverity(incidentEvent(verb, { id: 'i', env: 'production', severity }), true)
    assert.deepEqual(
      [sev('SEV1'), sev('SEV2'), sev('SEV3'), sev('SEV4'), sev('SEV1', 'resolved')],
      ['critical', 'critical', 'warning', 'info', 'info'],
    )
  })
  it('treats an agent failure as a warning', () => {
    const e = event(
      'agent.failed',
      { agent: 'logs', hook: 'tick', message: 'x', count: 1 },
      { actor: agentActor('logs') },
    )
    assert.equal(eventSeverity(e, false), 'warning')
  })
})
