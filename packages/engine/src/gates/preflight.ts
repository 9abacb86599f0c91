/**
 * @module Preflight gate: a no-go change does not ship unless a person accepts the risk with a written reason.
 * Agents and the system may report a no-go but never accept it.
 */
import type { Actor } from '../domain/actor.ts'
import { formatActor } from '../domain/actor.ts'
import type { PreflightReport } from '../analysis/preflight/types.ts'
import type { Decision, GateReason } from './decision.ts'
import { allow, deny } from './decision.ts'

/** How many findings a denial lists; the full report holds the rest. */
export const GATE_FINDINGS = 5

/** A non-empty reason, trimmed; null when none was given. */
export const acceptanceReason = (acceptRisk: string | null | undefined): string | null =>
  acceptRisk?.trim() ? acceptRisk.trim() : null

/** True when this no-go is overridden: a human gave a reason. Go and caution need no acceptance. */
export function riskAccepted(
  report: Pick<PreflightReport, 'decision'>,
  acceptRisk: string | null | undefined,
  actor: Actor,
): boolean {
  return report.decision === 'no-go' && actor.kind === 'human' && acceptanceReason(acceptRisk) !== null
}

export function preflightGate(
  report: Pick<PreflightReport, 'decision' | 'score' | 'summary' | 'findings'>,
  acceptRisk: string | null | undefined,
  actor: Actor,
): Decision {
  if (report.decision !== 'no-go') return allow
  if (riskAccepted(report, acceptRisk, actor)) return allow
  const attempted = acceptanceReason(acceptRisk) !== null
  const hint = attempted
    ? `accepting a no-go is a human decision; ${formatActor(actor)} may only report it`
    : 'fix the findings, or a person accepts the risk: --accept-risk "why it is safe to ship"'
  const top = report.findings.slice(0, GATE_FINDINGS)
  const reasons: GateReason[] = top.map((f, i) => ({
    gate: 'preflight',
    code: 'PREFLIGHT_NO_GO',
    message: `${f.severity} ${f.ruleId} at ${f.file}:${f.line}: ${f.message}`,
    ...(i === 0 ? { hint } : {}),
  }))
  if (reasons.length === 0) {
    reasons.push({ gate: 'preflight', code: 'PREFLIGHT_NO_GO', message: report.summary, hint })
  } else {
    reasons[0]!.message = `preflight is no-go (risk ${report.score}/100); ${reasons[0]!.message}`
  }
  if (report.findings.length > top.length) {
    reasons[reasons.length - 1]!.message += ` (and ${report.findings.length - top.length} more in the report)`
  }
  return deny(...reasons)
}
