/**
 * @module Signals from what the other analyses produce: log anomalies (spikes, new templates, error rate,
 * silence), probe summaries that are failing, a failed deploy, and a person's manual trigger. Agents call these
 * and feed the result to correlate.
 */
import type { ProbeSummary } from '../../domain/events.ts'
import type { Signal as LogSignal } from '../logs/anomaly.ts'
import type { IncidentSeverity, IncidentType, Signal } from './types.ts'

const iso = (ms: number) => new Date(ms).toISOString()
const pct = (x: number) => `${Math.round(x * 100)}%`

/**
 * A log anomaly as an incident signal; null for what is not a problem by itself (a spike or a new template of
 * info lines).
 */
export function fromLogSignal(s: LogSignal, env: string, service: string | null): Signal | null {
  const base = {
    env,
    service,
    time: iso(s.time),
    evidence: [...s.evidence.examples],
    release: s.evidence.release,
  }
  const template = s.key && s.template ? { key: s.key, text: s.template } : null
  switch (s.kind) {
    case 'spike':
      if (s.severity === 'info') return null
      return {
        ...base,
        kind: 'error-spike',
        template,
        summary: `${s.source}: ${s.evidence.after} lines of "${s.template}" against ~${s.evidence.before.toFixed(1)} expected`,
        counts: { before: s.evidence.before, after: s.evidence.after },
      }
    case 'new-template':
      if (s.severity === 'info') return null
      return {
        ...base,
        kind: 'new-template',
        template,
        summary: `${s.source}: new ${s.severity} "${s.template}"${s.evidence.release ? ` since ${s.evidence.release}` : ''}`,
        counts: { after: s.evidence.after },
      }
    case 'error-rate':
      return {
        ...base,
        kind: 'error-rate',
        summary: `${s.source}: error share ${pct(s.evidence.after)} against ${pct(s.evidence.before)} before`,
        counts: { before: s.evidence.before, after: s.evidence.after },
      }
    case 'silence':
      return { ...base, kind: 'silence', summary: `${s.source} went silent`, counts: {} }
  }
}

/** One signal per failing probe (its latest check failed); `checks` tells a hard-down probe from a flapping one. */
export function fromProbeSummaries(env: string, probes: readonly ProbeSummary[], time: string): Signal[] {
  return probes
    .filter((p) => !p.lastOk)
    .map((p) => ({
      kind: p.type === 'electron-feed' ? 'electron-feed' : 'probe-failing',
      env,
      service: p.service,
      probe: p.probe,
      time,
      summary: `${p.service}/${p.probe} failed ${p.failures} of ${p.passes + p.failures} checks: ${p.lastDetail}`,
      evidence: [p.lastDetail, `latency p50 ${p.latencyMs.p50}ms, max ${p.latencyMs.max}ms`],
      counts: { failures: p.failures, checks: p.passes + p.failures },
    }))
}

export function fromDeployFailed(
  d: {
    env: string
    release: string
    runId: string
    reason: string
    failedStep: string | null
    /** The service whose step failed, when known. */
    service?: string | null
  },
  time: string,
  kind: 'deploy-failed' | 'verification-failed' = 'deploy-failed',
): Signal {
  return {
    kind,
    env: d.env,
    service: d.service ?? null,
    time,
    release: d.release,
    summary: `${kind === 'deploy-failed' ? 'deploy' : 'verification'} of ${d.release} failed (run ${d.runId}): ${d.reason}`,
    evidence: d.failedStep ? [`failed step: ${d.failedStep}`] : [],
    counts: {},
  }
}

/** `rina incident-response [TYPE] [SEVERITY]`: a person says something is wrong. */
export function manualSignal(
  env: string,
  time: string,
  by: string,
  declared: { type?: IncidentType; severity?: IncidentSeverity; service?: string } = {},
): Signal {
  const what = [declared.type, declared.severity].filter(Boolean).join(' ')
  return {
    kind: 'manual',
    env,
    service: declared.service ?? null,
    time,
    summary: `${by} triggered incident response${what ? ` (${what})` : ''}`,
    evidence: [],
    counts: {},
    declared: {
      ...(declared.type ? { type: declared.type } : {}),
      ...(declared.severity ? { severity: declared.severity } : {}),
    },
  }
}
