/**
 * @module Journal events as incident signals, pure: a probe turned unhealthy (an update feed's probe is an
 * `electron-feed` signal; a check slow but otherwise fine carries its latency), a deploy failed, a deploy failed
 * its verification. Other events (a probe recovering included) are not signals: resolving is a person's call.
 */
import { fromDeployFailed } from '../../analysis/incident/signals.ts'
import type { Signal } from '../../analysis/incident/types.ts'
import type { JournalEvent } from '../../domain/events.ts'

/** The detail of an HTTP check that failed on its latency condition alone (see probes/conditions.ts). */
const LATENCY_ONLY = /^took (\d+) ms, expected at most [^;]+$/

/** The type of a configured probe (`http`, `electron-feed`, …), or null when it is not configured. */
export type ProbeTypeOf = (env: string, service: string, probe: string) => string | null

export function signalsOfEvent(e: JournalEvent, probeType: ProbeTypeOf = () => null): Signal[] {
  switch (e.type) {
    case 'health.changed': {
      const p = (e as JournalEvent<'health.changed'>).payload
      if (p.healthy) return []
      const slow = LATENCY_ONLY.exec(p.detail)
      return [
        {
          kind: probeType(p.env, p.service, p.probe) === 'electron-feed' ? 'electron-feed' : 'probe-failing',
          env: p.env,
          service: p.service,
          probe: p.probe,
          time: e.time,
          summary: `${p.service}/${p.probe} failed ${p.after} checks in a row: ${p.detail}`,
          evidence: [p.detail],
          counts: { failures: p.after, checks: p.after, ...(slow ? { latencyMs: Number(slow[1]) } : {}) },
        },
      ]
    }
    case 'deploy.failed': {
      const p = (e as JournalEvent<'deploy.failed'>).payload
      if (p.kind !== 'deploy') return []
      return [fromDeployFailed(p, e.time)]
    }
    case 'deploy.verification_failed': {
      const p = (e as JournalEvent<'deploy.verification_failed'>).payload
      const services = [...new Set(p.evidence.map((x) => x.service).filter((s) => s !== null))]
      const signal = fromDeployFailed(
        {
          env: p.env,
          release: p.release,
          runId: p.runId,
          reason: p.evidence.map((x) => x.detail).join('; '),
          failedStep: null,
          service: services.length === 1 ? services[0]! : null,
        },
        e.time,
        'verification-failed',
      )
      return [{ ...signal, evidence: p.evidence.map((x) => x.detail) }]
    }
    default:
      return []
  }
}
