/**
 * @module Severity from user-facing impact. Each factor adds points and says why: production or not, whether the
 * affected services face users, the share of probes failing, the error rate, how long it has lasted and whether
 * every service is hit. The score maps to SEV1–SEV4; outside production the level is capped at SEV3, and a
 * severity a person declared wins.
 */
import type {
  IncidentContext,
  IncidentDraft,
  IncidentSeverity,
  SeverityAssessment,
  SeverityFactor,
} from './types.ts'

export type SeverityContext = Pick<
  IncidentContext,
  'now' | 'production' | 'services' | 'probes' | 'errorRate'
>

/** Lowest score of each level; below SEV3 it is SEV4. */
export const SEVERITY_THRESHOLDS = { SEV1: 90, SEV2: 60, SEV3: 30 } as const

const USER_FACING = new Set(['website', 'api', 'electron'])
const pct = (x: number) => `${Math.round(x * 100)}%`
const minutes = (ms: number) => Math.max(0, Math.round(ms / 60_000))

function level(score: number): IncidentSeverity {
  if (score >= SEVERITY_THRESHOLDS.SEV1) return 'SEV1'
  if (score >= SEVERITY_THRESHOLDS.SEV2) return 'SEV2'
  if (score >= SEVERITY_THRESHOLDS.SEV3) return 'SEV3'
  return 'SEV4'
}

function environment(incident: IncidentDraft, ctx: SeverityContext): SeverityFactor {
  return ctx.production
    ? { name: 'environment', value: incident.env, weight: 30, explanation: `${incident.env} serves users` }
    : {
        name: 'environment',
        value: incident.env,
        weight: 0,
        explanation: `${incident.env} does not serve users: at most SEV3`,
      }
}

function userFacing(affected: readonly string[], ctx: SeverityContext): SeverityFactor {
  const kinds = affected.map((s) => `${s} (${ctx.services[s] ?? 'other'})`)
  const facing = affected.filter((s) => USER_FACING.has(ctx.services[s] ?? 'other'))
  if (affected.length === 0)
    return { name: 'user-facing', value: 'unknown', weight: 10, explanation: 'no service is named yet' }
  if (facing.length)
    return { name: 'user-facing', value: true, weight: 20, explanation: `users reach ${kinds.join(', ')}` }
  return {
    name: 'user-facing',
    value: false,
    weight: 5,
    explanation: `only background services: ${kinds.join(', ')}`,
  }
}

function probes(incident: IncidentDraft, ctx: SeverityContext): SeverityFactor {
  const total = ctx.probes.length
  if (total === 0) {
    const named = new Set(
      incident.signals.filter((s) => s.kind === 'probe-failing').map((s) => `${s.service}/${s.probe}`),
    )
    return named.size
      ? {
          name: 'probes',
          value: named.size,
          weight: 15,
          explanation: `${named.size} probe(s) failing; no summary of the rest`,
        }
      : { name: 'probes', value: 0, weight: 0, explanation: 'no probe results' }
  }
  const failing = ctx.probes.filter((p) => !p.lastOk)
  const share = failing.length / total
  const weight = share >= 1 ? 40 : share >= 0.5 ? 30 : share > 0 ? 15 : 0
  const names = failing.map((p) => `${p.service}/${p.probe}`).join(', ')
  return {
    name: 'probes',
    value: pct(share),
    weight,
    explanation: failing.length
      ? `${failing.length} of ${total} probes failing: ${names}`
      : `all ${total} probes pass`,
  }
}

function errorRate(incident: IncidentDraft, ctx: SeverityContext): SeverityFactor {
  const fromSignals = incident.signals.flatMap((s) =>
    s.kind === 'error-rate' && s.counts.after !== undefined ? [s.counts.after] : [],
  )
  const rate = ctx.errorRate ?? (fromSignals.length ? Math.max(...fromSignals) : null)
  if (rate === null)
    return { name: 'error-rate', value: 'unknown', weight: 0, explanation: 'no error rate measured' }
  const weight = rate >= 0.5 ? 25 : rate >= 0.2 ? 15 : rate >= 0.05 ? 8 : 0
  return { name: 'error-rate', value: pct(rate), weight, explanation: `${pct(rate)} of log lines are errors` }
}

function duration(incident: IncidentDraft, ctx: SeverityContext): SeverityFactor {
  const m = minutes(ctx.now.getTime() - Date.parse(incident.startedAt))
  const weight = m >= 60 ? 15 : m >= 15 ? 8 : 0
  return { name: 'duration', value: `${m}m`, weight, explanation: `first signal ${m} minutes ago` }
}

function breadth(affected: readonly string[], ctx: SeverityContext): SeverityFactor {
  const all = Object.keys(ctx.services)
  const hit = all.filter((s) => affected.includes(s))
  const every = all.length > 0 && hit.length === all.length
  return {
    name: 'breadth',
    value: `${hit.length}/${all.length}`,
    weight: every ? 15 : 0,
    explanation: every
      ? `every service of the environment is affected`
      : `${hit.length} of ${all.length} services affected`,
  }
}

function typeFactor(incident: IncidentDraft): SeverityFactor | null {
  if (incident.type === 'security')
    return {
      name: 'type',
      value: 'security',
      weight: 30,
      explanation: 'possible exposure of data or credentials',
    }
  if (incident.type === 'electron-update-failure')
    return { name: 'type', value: incident.type, weight: 10, explanation: 'desktop users cannot update' }
  return null
}

export function assessSeverity(incident: IncidentDraft, ctx: SeverityContext): SeverityAssessment {
  const failingServices = ctx.probes.filter((p) => !p.lastOk).map((p) => p.service)
  const affected = [...new Set([...incident.services, ...failingServices])].sort()
  const factors = [
    environment(incident, ctx),
    userFacing(affected, ctx),
    probes(incident, ctx),
    errorRate(incident, ctx),
    duration(incident, ctx),
    breadth(affected, ctx),
    ...[typeFactor(incident)].filter((f) => f !== null),
  ]
  const score = factors.reduce((sum, f) => sum + f.weight, 0)
  let severity = level(score)
  if (!ctx.production && (severity === 'SEV1' || severity === 'SEV2')) severity = 'SEV3'
  const declared = incident.signals.findLast((s) => s.kind === 'manual' && s.declared?.severity)?.declared
    ?.severity
  if (declared) {
    factors.push({
      name: 'declared',
      value: declared,
      weight: 0,
      explanation: `a person declared ${declared}`,
    })
    severity = declared
  }
  return { severity, score, factors }
}
