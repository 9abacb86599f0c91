/**
 * @module The response plan: the incident type's playbook with its commands filled in (environment, release to
 * roll back to, reason text), each step todo, done or skipped with why, decisions marked as a person's, and the
 * single recommended next command.
 */
import { fillCommand, incidentMessage, incidentReason, notifySeverity } from './fill.ts'
import { prepareRollback } from './rollback.ts'
import type {
  Incident,
  IncidentContext,
  PlanStep,
  Playbooks,
  PlaybookStep,
  ResponsePlan,
  RollbackPreparation,
} from './types.ts'
import { moreSevere } from './types.ts'

export type PlanIncident = Pick<
  Incident,
  | 'id'
  | 'env'
  | 'title'
  | 'type'
  | 'severity'
  | 'assessed'
  | 'status'
  | 'release'
  | 'startedAt'
  | 'acknowledgedAt'
>
export type PlanContext = Pick<
  IncidentContext,
  'production' | 'frozen' | 'deploys' | 'available' | 'doneSteps' | 'deployWindowMs'
>

function condition(
  step: PlaybookStep,
  i: PlanIncident,
  ctx: PlanContext,
  rb: RollbackPreparation,
): string | null {
  switch (step.when) {
    case 'production':
      return ctx.production ? null : `${i.env} does not serve users`
    case 'rollback-ready':
      return rb.ready || rb.taken ? null : rb.detail
    case 'follows-deploy':
      return i.release ? null : 'the incident does not follow a deploy'
    case 'severity-rising':
      return moreSevere(i.assessed, i.severity)
        ? null
        : `the assessment (${i.assessed}) does not exceed ${i.severity}`
    default:
      return null
  }
}

function doneNote(
  step: PlaybookStep,
  i: PlanIncident,
  ctx: PlanContext,
  rb: RollbackPreparation,
): string | null {
  if (step.action === 'acknowledge' && i.status !== 'open')
    return `acknowledged${i.acknowledgedAt ? ` at ${i.acknowledgedAt}` : ''}`
  if (step.action === 'freeze' && ctx.frozen) return `${i.env} is frozen`
  if (step.action === 'rollback' && rb.taken) return rb.detail
  if (step.action === 'resolve' && i.status === 'resolved') return 'resolved'
  if (ctx.doneSteps.includes(step.id)) return 'done'
  return null
}

export function buildResponsePlan(
  incident: PlanIncident,
  playbooks: Playbooks,
  ctx: PlanContext,
): ResponsePlan {
  const playbook = playbooks[incident.type]
  const reason = incidentReason(incident)
  const rollback = prepareRollback({
    env: incident.env,
    since: incident.startedAt,
    deploys: ctx.deploys,
    ...(ctx.available ? { available: ctx.available } : {}),
    ...(ctx.deployWindowMs !== undefined ? { deployWindowMs: ctx.deployWindowMs } : {}),
    reason,
  })
  const values = {
    env: incident.env,
    incident: incident.id,
    to: rollback.to,
    release: incident.release,
    reason,
    severity: incident.assessed,
    notify: notifySeverity(incident.severity),
    message: incidentMessage(incident),
  }
  const steps = playbook.steps.map((step): PlanStep => {
    const base = { id: step.id, title: step.title, owner: step.owner, human: step.human, action: step.action }
    const filled = step.command === undefined ? null : fillCommand(step.command, values)
    const command = filled?.command ?? null
    const done = doneNote(step, incident, ctx, rollback)
    if (done) return { ...base, command, status: 'done', note: done }
    const skip =
      condition(step, incident, ctx, rollback) ??
      (filled?.missing ? `no value for {${filled.missing}}` : null)
    if (skip) return { ...base, command, status: 'skipped', note: skip }
    return { ...base, command, status: 'todo', note: null }
  })
  const first = steps.find((s) => s.status === 'todo' && s.command !== null)
  return {
    type: playbook.type,
    title: playbook.title,
    steps,
    next: first ? { stepId: first.id, command: first.command!, human: first.human } : null,
    rollback,
  }
}
