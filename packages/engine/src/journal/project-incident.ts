/**
 * @module Projection of incident events: per incident its status, severity (set by a person after it opens) and
 * the latest assessment, signals, who acknowledged and resolved it, plan steps marked done, recovery steps run,
 * and the sequences of its events (its timeline).
 */
import type { JournalEvent } from '../domain/events.ts'
import type { IncidentState, State } from '../domain/state.ts'

type Payload<T extends 'incident.opened' | 'incident.updated'> = JournalEvent<T>['payload']

const byTime = (a: { time: string }, b: { time: string }) => Date.parse(a.time) - Date.parse(b.time)

function opened(e: JournalEvent, p: Payload<'incident.opened'>): IncidentState {
  return {
    id: p.incidentId,
    key: p.key,
    env: p.env,
    title: p.title,
    services: p.services,
    type: p.type,
    severity: p.severity,
    assessed: p.severity,
    factors: p.factors,
    signals: [...p.signals].sort(byTime),
    status: 'open',
    release: p.release,
    startedAt: p.startedAt,
    openedAt: e.time,
    updatedAt: e.time,
    acknowledgedAt: null,
    resolvedAt: null,
    hypotheses: p.hypotheses,
    openedBy: e.actor,
    acknowledgedBy: null,
    resolvedBy: null,
    resolution: null,
    postmortemPath: null,
    seqs: [e.seq],
    doneSteps: [],
    recovery: {},
  }
}

export function applyIncident(s: State, e: JournalEvent): void {
  const { incidentId } = e.payload as { incidentId: string }
  if (e.type === 'incident.opened') {
    s.incidents[incidentId] = opened(e, e.payload as Payload<'incident.opened'>)
    return
  }
  const i = s.incidents[incidentId]
  if (!i) return
  i.seqs.push(e.seq)
  switch (e.type) {
    case 'incident.updated': {
      const p = e.payload as Payload<'incident.updated'>
      Object.assign(i, {
        signals: [...i.signals, ...p.signals].sort(byTime),
        assessed: p.assessed,
        factors: p.factors,
        hypotheses: p.hypotheses,
        type: p.type,
        title: p.title,
        services: p.services,
        release: p.release,
        startedAt: p.startedAt,
        updatedAt: e.time,
      })
      return
    }
    case 'incident.acknowledged':
      if (i.status === 'open')
        Object.assign(i, { status: 'acknowledged', acknowledgedAt: e.time, acknowledgedBy: e.actor })
      return
    case 'incident.escalated': {
      const p = e.payload as JournalEvent<'incident.escalated'>['payload']
      Object.assign(i, { severity: p.to, updatedAt: e.time })
      return
    }
    case 'incident.note': {
      const p = e.payload as JournalEvent<'incident.note'>['payload']
      for (const step of p.done) if (!i.doneSteps.includes(step)) i.doneSteps.push(step)
      i.updatedAt = e.time
      return
    }
    case 'incident.resolved': {
      const p = e.payload as JournalEvent<'incident.resolved'>['payload']
      Object.assign(i, {
        status: 'resolved',
        resolvedAt: e.time,
        resolvedBy: e.actor,
        resolution: e.reason,
        postmortemPath: p.postmortemPath,
        updatedAt: e.time,
      })
      return
    }
    case 'incident.recovery_step': {
      const p = e.payload as JournalEvent<'incident.recovery_step'>['payload']
      i.recovery[p.step] = { done: p.done, at: e.time, by: e.actor, detail: p.detail }
      return
    }
  }
}
