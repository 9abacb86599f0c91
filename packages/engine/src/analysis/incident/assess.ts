/**
 * @module One pass over an incident: severity and its factors, ranked hypotheses and the response plan. A new
 * incident takes the assessed severity; an open one keeps the severity a person set, and when the assessment
 * rises above it the plan recommends escalating.
 */
import { rankHypotheses } from './hypotheses.ts'
import { buildResponsePlan } from './plan.ts'
import { assessSeverity } from './severity.ts'
import type { Incident, IncidentContext, IncidentDraft, Playbooks } from './types.ts'

export function assessIncident(
  incident: IncidentDraft | Incident,
  ctx: IncidentContext,
  playbooks: Playbooks,
): Incident {
  const { severity: assessed, factors } = assessSeverity(incident, ctx)
  const severity = 'severity' in incident ? incident.severity : assessed
  const hypotheses = rankHypotheses(incident, ctx)
  const assessedIncident = { ...incident, severity, assessed, factors, hypotheses }
  return { ...assessedIncident, plan: buildResponsePlan(assessedIncident, playbooks, ctx) }
}
