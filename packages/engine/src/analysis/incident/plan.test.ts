import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { deployFact, t } from '../../testing/incident.ts'
import { buildResponsePlan } from './plan.ts'
import type { PlanContext, PlanIncident } from './plan.ts'
import { builtInPlaybooks } from './playbooks.ts'

const deploys = [
  deployFact('1.4.1', { runId: 'run_a', startedAt: t(-600), endedAt: t(-598) }),
  deployFact('1.4.2', { runId: 'run_b', startedAt: t(-10), endedAt: t(-8), previous: '1.4.1' }),
]
const incident: PlanIncident = {
  id: 'inc_1',
  env: 'production',
  title: 'Outage in production: api (after 1.4.2)',
  type: 'outage',
  severity: 'SEV2',
  assessed: 'SEV2',
  status: 'open',
  release: '1.4.2',
  startedAt: t(0),
  acknowledgedAt: null,
}
const ctx: PlanContext = { production: true, frozen: false, deploys, doneSteps: [] }
const reason = 'incident inc_1: Outage in production: api (after 1.4.2)'

describe('buildResponsePlan', () => {
  it('fills every command and marks decisions when an outage follows a deploy', () => {
    const plan = buildResponsePlan(incident, builtInPlaybooks, ctx)
    assert.deepEqual(
      plan.steps.map((s) => [s.id, s.owner, s.command, s.human, s.status]),
      [
        ['acknowledge', 'on-call engineer', 'rina incident ack inc_1', false, 'todo'],
        ['assess-health', 'on-call engineer', 'rina health-check production', false, 'todo'],
        [
          'notify',
          'communications',
          'rina notify "SEV2 Outage in production: api (after 1.4.2). We are on it (incident inc_1)." --severity critical --env production',
          false,
          'todo',
        ],
        [
          'freeze',
          'incident commander',
          `rina freeze enable --env production --reason "${reason}"`,
          true,
          'todo',
        ],
        [
          'rollback',
          'incident commander',
          `rina rollback production --to 1.4.1 --reason "${reason}"`,
          true,
          'todo',
        ],
        [
          'escalate',
          'incident commander',
          `rina incident escalate inc_1 --severity SEV2 --reason "${reason}"`,
          true,
          'skipped',
        ],
        ['investigate', 'on-call engineer', 'rina incident show inc_1', false, 'todo'],
        ['verify', 'on-call engineer', 'rina health-check production', false, 'todo'],
        ['resolve', 'incident commander', 'rina incident resolve inc_1 --reason "…"', true, 'todo'],
      ],
    )
    assert.deepEqual(plan.next, { stepId: 'acknowledge', command: 'rina incident ack inc_1', human: false })
    assert.equal(plan.rollback.ready, true)
  })

  const scenarios: {
    name: string
    incident?: Partial<PlanIncident>
    ctx?: Partial<PlanContext>
    next: string | null
    human?: boolean
    statuses?: Record<string, string>
  }[] = [
    {
      name: 'recommends the freeze when the first steps are done',
      incident: { status: 'acknowledged' },
      ctx: { doneSteps: ['assess-health', 'notify'] },
      next: `rina freeze enable --env production --reason "${reason}"`,
      human: true,
      statuses: { acknowledge: 'done' },
    },
    {
      name: 'recommends the rollback when the environment is already frozen',
      incident: { status: 'acknowledged' },
      ctx: { frozen: true, doneSteps: ['assess-health', 'notify'] },
      next: `rina rollback production --to 1.4.1 --reason "${reason}"`,
      human: true,
      statuses: { freeze: 'done' },
    },
    {
      name: 'skips the rollback when no deploy preceded the incident',
      incident: { status: 'acknowledged', release: null },
      ctx: { frozen: true, doneSteps: ['assess-health', 'notify'], deploys: [] },
      next: 'rina incident show inc_1',
      statuses: { rollback: 'skipped' },
    },
    {
      name: 'marks the rollback done when someone already rolled back',
      incident: { status: 'acknowledged' },
      ctx: {
        frozen: true,
        doneSteps: ['assess-health', 'notify'],
        deploys: [
          ...deploys,
          deployFact('1.4.1', { runId: 'run_c', kind: 'rollback', startedAt: t(2), endedAt: t(3) }),
        ],
      },
      next: 'rina incident show inc_1',
      statuses: { rollback: 'done' },
    },
    {
      name: 'skips the freeze when the environment does not serve users',
      incident: { status: 'acknowledged', env: 'staging' },
      ctx: { production: false, doneSteps: ['assess-health', 'notify'], deploys: [] },
      next: 'rina incident show inc_1',
      statuses: { freeze: 'skipped' },
    },
    {
      name: 'recommends escalating when the assessment rose above the severity',
      incident: { status: 'acknowledged', assessed: 'SEV1' },
      ctx: { frozen: true, doneSteps: ['assess-health', 'notify', 'rollback'], deploys: [] },
      next: `rina incident escalate inc_1 --severity SEV1 --reason "${reason}"`,
      human: true,
      statuses: { escalate: 'todo' },
    },
    {
      name: 'has no next command when every step is done',
      incident: { status: 'resolved' },
      ctx: { frozen: true, doneSteps: ['assess-health', 'notify', 'rollback', 'investigate', 'verify'] },
      next: null,
      statuses: { resolve: 'done' },
    },
  ]
  for (const s of scenarios) {
    it(`${s.name}`, () => {
      const plan = buildResponsePlan({ ...incident, ...s.incident }, builtInPlaybooks, { ...ctx, ...s.ctx })
      assert.equal(plan.next?.command ?? null, s.next)
      if (s.human !== undefined) assert.equal(plan.next?.human, s.human)
      for (const [id, status] of Object.entries(s.statuses ?? {}))
        assert.equal(plan.steps.find((x) => x.id === id)?.status, status, id)
    })
  }

  it('explains a skipped step when its condition does not hold', () => {
    const plan = buildResponsePlan(
      { ...incident, type: 'elevated-errors', release: null },
      builtInPlaybooks,
      {
        ...ctx,
        deploys: [],
      },
    )
    const notes = Object.fromEntries(
      plan.steps.filter((s) => s.status === 'skipped').map((s) => [s.id, s.note]),
    )
    assert.deepEqual(notes, {
      'review-release': 'the incident does not follow a deploy',
      rollback: 'no deploy to production in the 2h before the incident began',
      escalate: 'the assessment (SEV2) does not exceed SEV2',
    })
  })

  it('uses the playbook of the incident type when overrides replaced it', () => {
    const playbooks = {
      ...builtInPlaybooks,
      outage: {
        type: 'outage' as const,
        title: 'Ours',
        steps: [
          {
            id: 'page',
            title: 'Page',
            owner: 'sre',
            command: 'pager --env {env} --to {to}',
            human: false,
            action: 'notify' as const,
          },
        ],
      },
    }
    const plan = buildResponsePlan(incident, playbooks, { ...ctx, deploys: [] })
    assert.deepEqual(plan.steps[0], {
      id: 'page',
      title: 'Page',
      owner: 'sre',
      human: false,
      action: 'notify',
      command: 'pager --env production --to {to}',
      status: 'skipped',
      note: 'no value for {to}',
    })
    assert.equal(plan.next, null)
  })
})
