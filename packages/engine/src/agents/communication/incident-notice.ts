/**
 * @module Reads the facts a notice shows from any incident event (`incident.opened`, `incident.updated`,
 * `incident.resolved`, …): events after the opening carry fewer fields, so every field but id and env is optional.
 */
import type { JournalEvent } from '../../domain/events.ts'

export interface IncidentFacts {
  id: string
  env: string
  title: string
  severity: string
  status: string
  services: string[]
  release: string | null
  next: string | null
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

export function incidentOf(e: JournalEvent): IncidentFacts | null {
  if (!e.type.startsWith('incident.')) return null
  const p = e.payload as Record<string, unknown>
  const i = (p['incident'] && typeof p['incident'] === 'object' ? p['incident'] : p) as Record<
    string,
    unknown
  >
  const id = str(i['id']) ?? str(p['incidentId']) ?? str(i['incidentId'])
  const env = str(i['env']) ?? str(p['env'])
  if (!id || !env) return null
  const plan = (i['plan'] ?? p['plan']) as { next?: { command?: unknown } | null } | null | undefined
  const services = Array.isArray(i['services'])
    ? i['services'].filter((s): s is string => typeof s === 'string')
    : []
  const resolved = e.type === 'incident.resolved'
  return {
    id,
    env,
    title: str(i['title']) ?? id,
    severity: str(i['severity']) ?? str(i['to']) ?? str(i['assessed']) ?? 'SEV3',
    status: resolved
      ? 'resolved'
      : e.type === 'incident.acknowledged'
        ? 'acknowledged'
        : (str(i['status']) ?? 'open'),
    services,
    release: str(i['release']) ?? str(p['release']),
    next: str(plan?.next?.command) ?? str(p['nextCommand']),
  }
}
