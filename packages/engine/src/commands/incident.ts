/**
 * @module Recording signals: correlate them with the open incidents (one per cause, duplicates dropped), assess
 * the new and grown incidents (severity and factors, hypotheses, plan with the rollback prepared) and journal
 * `incident.opened` / `incident.updated`. The incident agent and `rina incident-response` both call it.
 */
import { assessIncident } from '../analysis/incident/assess.ts'
import { attachSignals } from '../analysis/incident/attach.ts'
import { incidentWindows } from '../analysis/incident/config.ts'
import { correlate } from '../analysis/incident/correlate.ts'
import { deployFacts } from '../analysis/incident/deploys.ts'
import type { Incident, Signal } from '../analysis/incident/types.ts'
import { redact as redactLogText } from '../analysis/logs/redact.ts'
import type { EventDraft } from '../domain/events.ts'
import type { CommandContext } from './context.ts'
import { envContext, playbooksOf, readJournal } from './incident-context.ts'
import { withRetry } from './retry.ts'

const MAX_TEXT = 300
const MAX_EVIDENCE = 3

/** Credentials in log-shaped text redacted (templates keep constant words, a password included), then cut. */
const clean = (s: string) => {
  const r = redactLogText(s)
  return r.length > MAX_TEXT ? `${r.slice(0, MAX_TEXT - 1)}…` : r
}

/** A signal safe and small enough to journal: credentials redacted, a few evidence lines, long texts cut. */
export function compactSignal(s: Signal): Signal {
  return {
    ...s,
    summary: clean(s.summary),
    evidence: s.evidence.slice(0, MAX_EVIDENCE).map(clean),
    ...(s.template ? { template: { key: redactLogText(s.template.key), text: clean(s.template.text) } } : {}),
  }
}

function openedDraft(ctx: CommandContext, i: Incident): EventDraft<'incident.opened'> {
  const plan = i.plan!
  const rb = plan.rollback
  return {
    type: 'incident.opened',
    actor: ctx.actor,
    reason: `${i.severity} ${i.title}`,
    payload: {
      incidentId: i.id,
      env: i.env,
      key: i.key,
      type: i.type,
      severity: i.severity,
      title: i.title,
      services: i.services,
      release: i.release,
      startedAt: i.startedAt,
      signals: i.signals,
      factors: i.factors,
      hypotheses: i.hypotheses.slice(0, 3),
      plan: { title: plan.title, steps: plan.steps.map((s) => s.id), next: plan.next },
      rollback: { ready: rb.ready, from: rb.from, to: rb.to, detail: rb.detail, command: rb.command },
    },
  }
}

function updatedDraft(ctx: CommandContext, i: Incident, added: Signal[]): EventDraft<'incident.updated'> {
  const rising = i.assessed !== i.severity ? `; assessed ${i.assessed} (now ${i.severity})` : ''
  return {
    type: 'incident.updated',
    actor: ctx.actor,
    reason: `${added.length} new signal${added.length === 1 ? '' : 's'}${rising}`,
    payload: {
      incidentId: i.id,
      env: i.env,
      signals: added,
      assessed: i.assessed,
      factors: i.factors,
      hypotheses: i.hypotheses.slice(0, 3),
      type: i.type,
      title: i.title,
      services: i.services,
      release: i.release,
      startedAt: i.startedAt,
    },
  }
}

export async function recordSignals(
  ctx: CommandContext,
  signals: Signal[],
  opts?: { now?: Date },
): Promise<{ opened: string[]; updated: string[] }> {
  if (signals.length === 0) return { opened: [], updated: [] }
  const compact = signals.map(compactSignal)
  return withRetry(async () => {
    const now = opts?.now ?? ctx.clock.now()
    const read = await readJournal(ctx)
    const open = Object.values(read.state.incidents).filter((i) => i.status !== 'resolved')
    const c = correlate(open, compact, now, {
      ids: ctx.ids,
      deploys: deployFacts(read.state),
      ...incidentWindows(ctx.config.incident),
    })
    const playbooks = playbooksOf(ctx.config)
    const drafts: EventDraft[] = [
      ...c.open.map((d) => openedDraft(ctx, assessIncident(d, envContext(ctx, read, d.env, now), playbooks))),
      ...c.update.map(({ incident, signals: added }) => {
        const grown = attachSignals(incident, added, now)
        return updatedDraft(
          ctx,
          assessIncident(grown, envContext(ctx, read, grown.env, now), playbooks),
          added,
        )
      }),
    ]
    if (drafts.length) await ctx.journal.append(drafts, { expectedSeq: read.state.seq })
    return { opened: c.open.map((d) => d.id), updated: c.update.map((u) => u.incident.id) }
  })
}
