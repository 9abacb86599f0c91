import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { countingIds } from '../../testing/fakes.ts'
import { deployFact, incidentContext, probe, signal, t } from '../../testing/incident.ts'
import { assessIncident } from './assess.ts'
import { attachSignals } from './attach.ts'
import { correlate } from './correlate.ts'
import { builtInPlaybooks } from './playbooks.ts'

const deploys = [
  deployFact('1.4.1', { runId: 'run_a', startedAt: t(-600), endedAt: t(-598) }),
  deployFact('1.4.2', { runId: 'run_b', startedAt: t(-10), endedAt: t(-8), previous: '1.4.1' }),
]

describe('assessIncident', () => {
  it('takes the assessed severity and plans a prepared rollback when a new incident follows a deploy', () => {
    const ctx = incidentContext({
      deploys,
      probes: [probe('api', 'health', false), probe('website', 'home', true)],
    })
    const { open } = correlate([], [signal({ time: t(1) })], ctx.now, { ids: countingIds('inc'), deploys })
    const i = assessIncident(open[0]!, ctx, builtInPlaybooks)
    assert.deepEqual(
      [i.severity, i.assessed, i.hypotheses[0]?.kind, i.plan?.rollback.to, i.plan?.next?.stepId],
      ['SEV2', 'SEV2', 'recent-deploy', '1.4.1', 'acknowledge'],
    )
  })

  it('keeps the severity a person set and recommends escalating when the impact grows', () => {
    const calm = incidentContext({
      deploys,
      probes: [probe('api', 'health', false), probe('website', 'home', true)],
    })
    const { open } = correlate([], [signal({ time: t(1) })], calm.now, { ids: countingIds('inc'), deploys })
    const first = { ...assessIncident(open[0]!, calm, builtInPlaybooks), status: 'acknowledged' as const }
    const worse = incidentContext({
      now: new Date(t(70)),
      deploys,
      frozen: true,
      doneSteps: ['assess-health', 'notify'],
      probes: [
        probe('api', 'health', false),
        probe('website', 'home', false),
        probe('worker', 'beat', false),
      ],
    })
    const grown = attachSignals(
      first,
      [signal({ service: 'website', probe: 'home', time: t(65) })],
      worse.now,
    )
    const again = assessIncident(grown, worse, builtInPlaybooks)
    assert.deepEqual([again.severity, again.assessed], ['SEV2', 'SEV1'])
    assert.equal(again.plan?.steps.find((s) => s.id === 'escalate')?.status, 'todo')
    assert.equal(
      again.plan?.steps.find((s) => s.id === 'escalate')?.command,
      'rina incident escalate inc_000001 --severity SEV1 --reason "incident inc_000001: Outage in production: api, website (after 1.4.2)"',
    )
  })
})
