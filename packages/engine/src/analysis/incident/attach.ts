/**
 * @module Attaching signals to an incident: the signal list stays in time order and the services, type, title and
 * update time follow from it. Used for new incidents and for signals correlation adds to open ones.
 */
import { incidentTitle, incidentType } from './incident-type.ts'
import type { IncidentDraft, Signal } from './types.ts'

const byTime = (a: Signal, b: Signal) => Date.parse(a.time) - Date.parse(b.time)

/** Services named by the signals, sorted. */
export const servicesOf = (signals: readonly Signal[]): string[] =>
  [...new Set(signals.flatMap((s) => (s.service ? [s.service] : [])))].sort()

export function attachSignals<T extends IncidentDraft>(
  incident: T,
  signals: readonly Signal[],
  now: Date,
): T {
  const all = [...incident.signals, ...signals].sort(byTime)
  const services = servicesOf(all)
  const type = incidentType(all)
  const release = incident.release ?? all.find((s) => s.release)?.release ?? null
  return {
    ...incident,
    signals: all,
    services,
    type,
    release,
    title: incidentTitle(type, incident.env, services, release),
    startedAt: all[0]?.time ?? incident.startedAt,
    updatedAt: now.toISOString(),
  }
}

/** A new incident from its first signals. */
export function draftIncident(
  init: { id: string; key: string; env: string; release: string | null },
  signals: readonly Signal[],
  now: Date,
): IncidentDraft {
  const at = now.toISOString()
  const empty: IncidentDraft = {
    ...init,
    title: '',
    services: [],
    type: 'elevated-errors',
    signals: [],
    status: 'open',
    startedAt: at,
    openedAt: at,
    updatedAt: at,
    acknowledgedAt: null,
    resolvedAt: null,
  }
  return attachSignals(empty, signals, now)
}
