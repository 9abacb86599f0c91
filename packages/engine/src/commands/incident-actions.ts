/**
 * @module `rina incident ack|update|escalate`: read → gate → journal. Acknowledging and notes are open to anyone
 * who acts on the incident; changing the severity is a person's decision with a reason.
 */
import type { IncidentSeverity } from '../analysis/incident/types.ts'
import { INCIDENT_SEVERITIES } from '../analysis/incident/types.ts'
import type { IncidentState } from '../domain/state.ts'
import { RinaError } from '../errors.ts'
import type { Decision } from '../gates/decision.ts'
import { allow, combine, deny } from '../gates/decision.ts'
import { humanGate } from '../gates/human.ts'
import { reasonGate } from '../gates/reason.ts'
import type { CommandContext } from './context.ts'
import { enforce } from './gate.ts'
import { playbooksOf, readJournal } from './incident-context.ts'
import { findIncident } from './incident-view.ts'
import { withRetry } from './retry.ts'

export interface IncidentChange {
  incidentId: string
  changed: boolean
  seq: number | null
}

/** Actions on a resolved incident are refused: recovery (`rina incident recover`) takes over. */
export function unresolvedGate(i: IncidentState, action: string): Decision {
  if (i.status !== 'resolved') return allow
  return deny({
    gate: 'incident',
    code: 'INCIDENT_RESOLVED',
    message: `${action}: incident ${i.id} was resolved at ${i.resolvedAt}`,
    hint: `see the recovery path: rina incident recover ${i.id}`,
  })
}

export function parseSeverity(text: string | undefined): IncidentSeverity {
  const s = (text ?? '').toUpperCase()
  if ((INCIDENT_SEVERITIES as readonly string[]).includes(s)) return s as IncidentSeverity
  throw new RinaError({
    code: 'USAGE',
    message: text ? `"${text}" is not a severity` : 'no severity given',
    hint: `use one of ${INCIDENT_SEVERITIES.join(', ')} (SEV1 is the most severe)`,
  })
}

export async function acknowledgeIncident(ctx: CommandContext, ref: string): Promise<IncidentChange> {
  return withRetry(async () => {
    const { state } = await readJournal(ctx)
    const i = findIncident(state, ref)
    enforce(unresolvedGate(i, 'Acknowledging'), 'Acknowledge')
    if (i.status === 'acknowledged') return { incidentId: i.id, changed: false, seq: null }
    const e = await ctx.journal.appendOne(
      {
        type: 'incident.acknowledged',
        actor: ctx.actor,
        reason: null,
        payload: { incidentId: i.id, env: i.env },
      },
      { expectedSeq: state.seq },
    )
    return { incidentId: i.id, changed: true, seq: e.seq }
  })
}

/** An update with text; `done` marks plan steps as done (their ids, see `rina incident show`). */
export async function noteIncident(
  ctx: CommandContext,
  ref: string,
  req: { text: string | undefined; done?: string[] },
): Promise<IncidentChange> {
  const text = req.text?.trim() ?? ''
  if (!text)
    throw new RinaError({
      code: 'USAGE',
      message: 'the note is empty',
      hint: 'say what changed: rina incident update ID --note "…"',
    })
  const { state } = await readJournal(ctx)
  const i = findIncident(state, ref)
  const done = [...new Set(req.done ?? [])]
  const steps = playbooksOf(ctx.config)[i.type].steps.map((s) => s.id)
  const unknown = done.filter((id) => !steps.includes(id))
  if (unknown.length)
    throw new RinaError({
      code: 'USAGE',
      message: `the ${i.type} plan has no step ${unknown.join(', ')}`,
      hint: `its steps: ${steps.join(', ')}`,
    })
  const e = await ctx.journal.appendOne({
    type: 'incident.note',
    actor: ctx.actor,
    reason: text,
    payload: { incidentId: i.id, env: i.env, text, done },
  })
  return { incidentId: i.id, changed: true, seq: e.seq }
}

export async function escalateIncident(
  ctx: CommandContext,
  ref: string,
  req: { severity: string | undefined; reason: string | undefined },
): Promise<IncidentChange & { from: IncidentSeverity; to: IncidentSeverity }> {
  const to = parseSeverity(req.severity)
  enforce(
    combine(humanGate(ctx.actor, 'Changing the severity'), reasonGate(req.reason, 'Changing the severity')),
    'Escalate',
  )
  return withRetry(async () => {
    const { state } = await readJournal(ctx)
    const i = findIncident(state, ref)
    enforce(unresolvedGate(i, 'Changing the severity'), 'Escalate')
    if (i.severity === to) return { incidentId: i.id, changed: false, seq: null, from: to, to }
    const e = await ctx.journal.appendOne(
      {
        type: 'incident.escalated',
        actor: ctx.actor,
        reason: req.reason!.trim(),
        payload: { incidentId: i.id, env: i.env, from: i.severity, to },
      },
      { expectedSeq: state.seq },
    )
    return { incidentId: i.id, changed: true, seq: e.seq, from: i.severity, to }
  })
}
