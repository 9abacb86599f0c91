import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Finding, PreflightReport } from '../analysis/preflight/types.ts'
import type { Actor } from '../domain/actor.ts'
import { agentActor, humanActor, systemActor } from '../domain/actor.ts'
import { preflightGate, riskAccepted } from './preflight.ts'

const finding = (ruleId: string, line: number, severity: Finding['severity'] = 'high'): Finding => ({
  ruleId,
  family: ruleId.split('/')[0] as Finding['family'],
  severity,
  file: 'src/app.ts',
  line,
  endLine: line,
  message: `${ruleId} found`,
  evidence: null,
  why: 'why',
  fix: 'fix',
})

const report = (decision: PreflightReport['decision'], findings: Finding[] = []) => ({
  decision,
  score: decision === 'no-go' ? 85 : decision === 'caution' ? 40 : 5,
  summary: `${decision.toUpperCase()} summary`,
  findings,
})

const ana = humanActor('ana@example.com')
const bot = agentActor('deployment')
const key = [finding('secrets/aws', 3, 'critical'), finding('unsafe-code/eval', 9)]

const scenarios: {
  name: string
  report: ReturnType<typeof report>
  acceptRisk: string | undefined
  actor: Actor
  allowed: boolean
  match?: RegExp
}[] = [
  { name: 'allows a go', report: report('go'), acceptRisk: undefined, actor: ana, allowed: true },
  {
    name: 'allows a caution',
    report: report('caution', key),
    acceptRisk: undefined,
    actor: ana,
    allowed: true,
  },
  {
    name: 'allows a caution for an agent',
    report: report('caution', key),
    acceptRisk: undefined,
    actor: bot,
    allowed: true,
  },
  {
    name: 'denies a no-go with its top findings',
    report: report('no-go', key),
    acceptRisk: undefined,
    actor: ana,
    allowed: false,
    match: /no-go \(risk 85\/100\); critical secrets\/aws at src\/app\.ts:3/,
  },
  {
    name: 'allows a no-go when a human accepts the risk with a reason',
    report: report('no-go', key),
    acceptRisk: 'key is revoked, rotation tracked in OPS-12',
    actor: ana,
    allowed: true,
  },
  {
    name: 'denies a no-go when the accept-risk reason is blank',
    report: report('no-go', key),
    acceptRisk: '   ',
    actor: ana,
    allowed: false,
    match: /--accept-risk/,
  },
  {
    name: 'denies a no-go when an agent accepts the risk',
    report: report('no-go', key),
    acceptRisk: 'looks fine to me',
    actor: bot,
    allowed: false,
    match: /human decision; agent:deployment/,
  },
  {
    name: 'denies a no-go when the system accepts the risk',
    report: report('no-go', key),
    acceptRisk: 'automation',
    actor: systemActor(),
    allowed: false,
    match: /human decision; system:rina/,
  },
  {
    name: 'denies a no-go with the summary when it has no findings',
    report: report('no-go'),
    acceptRisk: undefined,
    actor: ana,
    allowed: false,
    match: /NO-GO summary/,
  },
]

describe('preflightGate', () => {
  for (const s of scenarios) {
    it(`${s.name}`, () => {
      const d = preflightGate(s.report, s.acceptRisk, s.actor)
      assert.equal(d.allowed, s.allowed)
      if (d.allowed) return
      assert.ok(d.reasons.every((r) => r.gate === 'preflight' && r.code === 'PREFLIGHT_NO_GO'))
      const text = d.reasons.map((r) => `${r.message} ${r.hint ?? ''}`).join('\n')
      if (s.match) assert.match(text, s.match)
    })
  }

  it('lists at most five findings and counts the rest when a no-go has many', () => {
    const many = Array.from({ length: 8 }, (_, i) => finding('unsafe-code/eval', i + 1))
    const d = preflightGate(report('no-go', many), undefined, ana)
    assert.equal(d.allowed, false)
    if (d.allowed) return
    assert.equal(d.reasons.length, 5)
    assert.match(d.reasons[4]!.message, /and 3 more in the report/)
    assert.equal(d.reasons.filter((r) => r.hint).length, 1)
  })
})

describe('riskAccepted', () => {
  it('is false when the decision is not no-go even with a reason', () => {
    assert.equal(riskAccepted({ decision: 'caution' }, 'fine', ana), false)
  })
  it('is true when a human accepts a no-go with a reason', () => {
    assert.equal(riskAccepted({ decision: 'no-go' }, ' fine ', ana), true)
  })
})
