/**
 * @module The incident type from the signal mix. A person's declaration wins; otherwise the most specific cause
 * does: security, then the Electron update feed, then a failed deploy or verification, then a hard-down probe
 * (outage), a partial or slow probe or a silent source (degraded performance), and log errors last.
 */
import type { IncidentType, Signal } from './types.ts'

/** A probe that failed every check in its window (or whose counts are unknown) is down, not degraded. */
export const hardDown = (s: Signal): boolean =>
  s.kind === 'probe-failing' &&
  s.counts.latencyMs === undefined &&
  (s.counts.checks === undefined || (s.counts.failures ?? s.counts.checks) >= s.counts.checks)

export function incidentType(signals: readonly Signal[]): IncidentType {
  const declared = signals.findLast((s) => s.kind === 'manual' && s.declared?.type)?.declared?.type
  if (declared) return declared
  const has = (k: Signal['kind']) => signals.some((s) => s.kind === k)
  if (has('security')) return 'security'
  if (has('electron-feed')) return 'electron-update-failure'
  if (has('deploy-failed') || has('verification-failed')) return 'failed-deploy'
  if (signals.some(hardDown)) return 'outage'
  if (has('probe-failing') || has('silence')) return 'degraded-performance'
  return 'elevated-errors'
}

const WORDS: Record<IncidentType, string> = {
  outage: 'Outage',
  'degraded-performance': 'Degraded performance',
  'elevated-errors': 'Elevated errors',
  'failed-deploy': 'Failed deploy',
  security: 'Security incident',
  'electron-update-failure': 'Electron update failure',
}

/** e.g. "Outage in production: api, website (after 1.4.2)". */
export function incidentTitle(
  type: IncidentType,
  env: string,
  services: readonly string[],
  release: string | null,
): string {
  const what = services.length ? `: ${services.join(', ')}` : ''
  return `${WORDS[type]} in ${env}${what}${release ? ` (after ${release})` : ''}`
}
