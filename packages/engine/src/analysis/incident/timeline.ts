/**
 * @module An incident's timeline: its signals and the journal events of its environment (or naming it) from the
 * deploy it follows, or its first signal, to its resolution, each as one line with time and actor.
 */
import { formatActor } from '../../domain/actor.ts'
import type { JournalEvent } from '../../domain/events.ts'
import type { IncidentDraft } from './types.ts'

export interface TimelineEntry {
  time: string
  /** "signal" for an observation, else the event's actor, e.g. "human:ana@example.com". */
  actor: string
  text: string
}

type Payload = Record<string, unknown>

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v))

function describe(e: JournalEvent): string | null {
  const p = e.payload as Payload
  const why = e.reason ? `: ${e.reason}` : ''
  switch (e.type) {
    case 'freeze.enabled':
      return `froze ${str(p.env)}${p.until ? ` until ${str(p.until)}` : ''}${why}`
    case 'freeze.disabled':
      return `unfroze ${str(p.env)}${why}`
    case 'freeze.expired':
      return `freeze of ${str(p.env)} expired`
    case 'deploy.started':
      return `${str(p.kind)} of ${str(p.release)} to ${str(p.env)} started (run ${str(p.runId)})${why}`
    case 'deploy.succeeded':
      return `${str(p.kind)} of ${str(p.release)} to ${str(p.env)} succeeded`
    case 'deploy.failed':
      return `${str(p.kind)} of ${str(p.release)} to ${str(p.env)} failed: ${str(p.reason)}`
    case 'deploy.step_completed':
      return p.ok ? null : `step ${str(p.stepId)} failed: ${str(p.reason)}`
    case 'deploy.command_started':
      return null
    case 'deploy.interrupted':
      return `run ${str(p.runId)} was interrupted`
    case 'health.checked': {
      const failing = (p.probes as { lastOk: boolean; service: string; probe: string }[]).filter(
        (x) => !x.lastOk,
      )
      return p.healthy
        ? `health check: every probe passes`
        : `health check: ${failing.map((x) => `${x.service}/${x.probe}`).join(', ')} failing`
    }
    case 'health.gate_completed':
      return `health ${str(p.phase)} of ${str(p.release)} ${p.passed ? 'passed' : 'failed'}`
    case 'rollback.prepared':
      return `rollback prepared: ${str(p.detail)}`
    case 'notification.requested':
      return `notified ${str(p.channel)} (${str(p.severity)}): ${str(p.title)}`
    case 'notification.dead_lettered':
      return `notification to ${str(p.channel)} failed after ${str(p.attempts)} attempts`
    case 'notification.delivered':
    case 'notification.requeued':
      return null
    default:
      return `${e.type}${why}`
  }
}

const concerns = (e: JournalEvent, incident: IncidentDraft) => {
  const p = e.payload as Payload
  return p.incidentId === incident.id || p.incident === incident.id || p.env === incident.env
}

export function incidentTimeline(incident: IncidentDraft, events: readonly JournalEvent[]): TimelineEntry[] {
  const start = Date.parse(incident.startedAt)
  const deploy = events.findLast(
    (e) =>
      e.type === 'deploy.started' &&
      (e.payload as Payload).release === incident.release &&
      (e.payload as Payload).env === incident.env &&
      Date.parse(e.time) <= start,
  )
  const from = Math.min(start, deploy ? Date.parse(deploy.time) : start)
  const to = incident.resolvedAt ? Date.parse(incident.resolvedAt) : Infinity
  const entries: (TimelineEntry & { order: number })[] = incident.signals.map((s, i) => ({
    time: s.time,
    actor: 'signal',
    text: `${s.kind}: ${s.summary}`,
    order: i,
  }))
  for (const e of events) {
    const t = Date.parse(e.time)
    if (t < from || t > to || !concerns(e, incident)) continue
    const text = describe(e)
    if (text) entries.push({ time: e.time, actor: formatActor(e.actor), text, order: 1e6 + e.seq })
  }
  return entries
    .sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.order - b.order)
    .map(({ time, actor, text }) => ({ time, actor, text }))
}
