/**
 * @module Which routes an event takes, pure: its severity (from its type and payload; an outage in the last
 * environment of the promotion order is critical), its environment, and the routes whose event patterns,
 * environments and minimum severity it meets. Notification events are never routed: that would loop.
 */
import type { RouteConfig } from '../../config/schema.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { severityRank, type NotifySeverity } from '../../domain/severity.ts'
import { typeMatcher } from '../../journal/journal.ts'
import { incidentOf } from './incident-notice.ts'

export const eventEnv = (e: JournalEvent): string | null => {
  const env = (e.payload as { env?: unknown }).env
  return typeof env === 'string' ? env : (incidentOf(e)?.env ?? null)
}

export const familyOf = (type: string): string => type.slice(0, Math.max(0, type.indexOf('.'))) || type

/** `production`: the event's environment is the last in promotion order (users are affected). */
export function eventSeverity(e: JournalEvent, production: boolean): NotifySeverity {
  const down = production ? 'critical' : 'warning'
  switch (e.type) {
    case 'deploy.failed':
    case 'deploy.interrupted':
    case 'deploy.verification_failed':
      return down
    case 'health.changed':
      return (e.payload as { healthy: boolean }).healthy ? 'info' : down
    case 'rollback.prepared':
    case 'logs.signal':
    case 'freeze.enabled':
    case 'agent.failed':
      return 'warning'
    default: {
      const incident = incidentOf(e)
      if (!incident || incident.status === 'resolved') return 'info'
      return incident.severity === 'SEV1' || incident.severity === 'SEV2'
        ? 'critical'
        : incident.severity === 'SEV3'
          ? 'warning'
          : 'info'
    }
  }
}

export interface RouteMatch {
  route: number
  severity: NotifySeverity
  env: string | null
}

/** Each route's event-type matcher, made once per routes list (the journal is folded through them on start). */
const matchers = new WeakMap<readonly RouteConfig[], ((type: string) => boolean)[]>()
const matchersOf = (routes: readonly RouteConfig[]) => {
  let m = matchers.get(routes)
  if (!m) matchers.set(routes, (m = routes.map((r) => typeMatcher(r.events))))
  return m
}

/** Indexes of the routes the event takes, in config order. */
export function matchRoutes(
  routes: readonly RouteConfig[],
  e: JournalEvent,
  environments: readonly string[],
): RouteMatch[] {
  if (familyOf(e.type) === 'notification') return []
  const env = eventEnv(e)
  const severity = eventSeverity(e, env !== null && env === environments[environments.length - 1])
  const out: RouteMatch[] = []
  const types = matchersOf(routes)
  routes.forEach((r, route) => {
    if (!types[route]!(e.type)) return
    if (r.environments && (env === null || !r.environments.includes(env))) return
    if (severityRank(severity) < severityRank(r.minSeverity)) return
    out.push({ route, severity, env })
  })
  return out
}
