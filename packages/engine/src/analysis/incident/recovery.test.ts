import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { humanActor, systemActor } from '../../domain/actor.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { event, t } from '../../testing/incident.ts'
import type { RecoveryContext } from './recovery.ts'
import { recoveryPath } from './recovery.ts'

const incident = {
  id: 'inc_1',
  env: 'production',
  title: 'Outage in production: api',
  status: 'resolved' as const,
  startedAt: t(0),
  resolvedAt: t(30),
}
const froze = event(
  'freeze.enabled',
  { env: 'production', until: null },
  t(5),
  humanActor('ana'),
  'incident inc_1',
)
const unfroze = event(
  'freeze.disabled',
  { env: 'production' },
  t(32),
  humanActor('ana'),
  'incident inc_1 resolved',
)
const healthy = event('health.checked', { env: 'production', healthy: true, probes: [] }, t(33))
const sick = event('health.checked', { env: 'production', healthy: false, probes: [] }, t(33))
const before = event('health.checked', { env: 'production', healthy: true, probes: [] }, t(20))
const update = event(
  'notification.requested',
  {
    notificationId: 'n2',
    channel: 'ops',
    severity: 'info',
    title: 'Resolved',
    text: '',
    env: 'production',
    idempotencyKey: 'k2',
    sourceSeq: null,
  },
  t(34),
)
const deploy = event(
  'deploy.started',
  {
    runId: 'run_9',
    env: 'production',
    release: '1.4.3',
    kind: 'deploy',
    services: [],
    steps: [],
    confirmation: 'typed',
    holder: 'h',
  },
  t(60),
  humanActor('ana'),
)

const scenarios: {
  name: string
  events: JournalEvent[]
  ctx: RecoveryContext
  done: [boolean, boolean, boolean, boolean]
  next: string | null
}[] = [
  {
    name: 'starts with the unfreeze when the environment is still frozen',
    events: [froze, before],
    ctx: { frozen: true },
    done: [false, false, false, false],
    next: 'rina freeze disable --env production --reason "incident inc_1 resolved"',
  },
  {
    name: 'asks for a health check when unfrozen but not verified since the resolution',
    events: [froze, unfroze],
    ctx: { frozen: false },
    done: [true, false, false, false],
    next: 'rina health-check production',
  },
  {
    name: 'keeps verify open when the check after the resolution was unhealthy',
    events: [froze, unfroze, sick],
    ctx: { frozen: false },
    done: [true, false, false, false],
    next: 'rina health-check production',
  },
  {
    name: 'asks for the update when verified',
    events: [froze, unfroze, healthy],
    ctx: { frozen: false },
    done: [true, true, false, false],
    next: 'rina notify "Resolved: Outage in production: api. Service is restored (incident inc_1)." --severity info --env production',
  },
  {
    name: 'asks to resume deploys when the update is sent',
    events: [froze, unfroze, healthy, update],
    ctx: { frozen: false },
    done: [true, true, true, false],
    next: 'rina deploy production --dry-run',
  },
  {
    name: 'is complete when a deploy started after the resolution',
    events: [froze, unfroze, healthy, update, deploy],
    ctx: { frozen: false },
    done: [true, true, true, true],
    next: null,
  },
  {
    name: 'counts steps the caller recorded as done',
    events: [],
    ctx: { frozen: false, marked: ['verify-restored', 'send-update', 'resume-deploys'] },
    done: [true, true, true, true],
    next: null,
  },
]

describe('recoveryPath', () => {
  for (const s of scenarios) {
    it(`${s.name}`, () => {
      const r = recoveryPath(incident, s.events, s.ctx)
      assert.deepEqual(
        r.steps.map((x) => x.done),
        s.done,
      )
      assert.equal(r.next?.command ?? null, s.next)
      assert.equal(r.complete, s.done.every(Boolean))
    })
  }

  it('marks the unfreeze as the one human step and names who lifted it when unfrozen', () => {
    const r = recoveryPath(incident, [froze, unfroze], { frozen: false })
    assert.deepEqual(
      r.steps.map((x) => [x.id, x.human, x.detail]),
      [
        ['unfreeze', true, 'unfrozen by human:ana: incident inc_1 resolved'],
        ['verify-restored', false, 'no health check since the resolution'],
        ['send-update', false, 'no update sent since the resolution'],
        ['resume-deploys', false, 'no deploy since the resolution'],
      ],
    )
  })

  it('says the environment was not frozen when no freeze happened during the incident', () => {
    const r = recoveryPath(incident, [], { frozen: false })
    assert.equal(r.steps[0]!.detail, 'production was not frozen')
  })

  it('offers no next step when the incident is not resolved yet', () => {
    const r = recoveryPath({ ...incident, status: 'acknowledged', resolvedAt: null }, [froze], {
      frozen: true,
    })
    assert.deepEqual([r.available, r.next, r.complete], [false, null, false])
  })

  it('reads an expired freeze as lifted when the system lifted it', () => {
    const expired = event('freeze.expired', { env: 'production', until: t(31) }, t(31), systemActor())
    const r = recoveryPath(incident, [froze, expired], { frozen: false })
    assert.equal(r.steps[0]!.detail, 'unfrozen by system:rina')
  })
})
