/** @module Builders for incident analysis tests: signals, deploy facts, probe summaries, contexts and events. */
import type { Actor } from '../domain/actor.ts'
import { agentActor } from '../domain/actor.ts'
import type { EventPayloads, EventType, JournalEvent, ProbeSummary } from '../domain/events.ts'
import type { DeployFact } from '../analysis/incident/deploys.ts'
import type { IncidentContext, Signal } from '../analysis/incident/types.ts'

/** Minutes after 2026-01-05T10:00:00Z as ISO, so fixtures read as "t(12)". */
export const t = (minutes: number): string =>
  new Date(Date.parse('2026-01-05T10:00:00.000Z') + minutes * 60_000).toISOString()

export function signal(over: Partial<Signal> = {}): Signal {
  return {
    kind: 'probe-failing',
    env: 'production',
    service: 'api',
    probe: 'health',
    time: t(0),
    summary: 'api/health failed 3 of 3 checks: connect ECONNREFUSED',
    evidence: [],
    counts: { failures: 3, checks: 3 },
    ...over,
  }
}

export function deployFact(release: string, over: Partial<DeployFact> = {}): DeployFact {
  return {
    runId: `run_${release}`,
    env: 'production',
    release,
    kind: 'deploy',
    status: 'succeeded',
    startedAt: t(-10),
    endedAt: t(-8),
    previous: null,
    ...over,
  }
}

export function probe(
  service: string,
  name: string,
  lastOk: boolean,
  lastDetail = lastOk ? 'HTTP 200' : 'HTTP 503',
): ProbeSummary {
  return {
    service,
    probe: name,
    type: 'http',
    passes: lastOk ? 3 : 0,
    failures: lastOk ? 0 : 3,
    lastOk,
    lastDetail,
    latencyMs: { p50: 20, max: 40 },
  }
}

export function incidentContext(over: Partial<IncidentContext> = {}): IncidentContext {
  return {
    now: new Date(t(5)),
    production: true,
    services: { website: 'website', api: 'api', worker: 'worker' },
    probes: [],
    errorRate: null,
    deploys: [],
    preflight: {},
    configChanges: [],
    traffic: null,
    frozen: false,
    doneSteps: [],
    ...over,
  }
}

let seq = 0
export function event<T extends EventType>(
  type: T,
  payload: EventPayloads[T],
  time: string,
  actor: Actor = agentActor('incident'),
  reason: string | null = null,
): JournalEvent<T> {
  seq += 1
  return { type, payload, time, actor, reason, seq, id: `evt_${seq}`, prevHash: '', hash: '' }
}

/** An `incident.opened` payload for an outage of the production api; `over` changes any field. */
export function openedPayload(
  over: Partial<EventPayloads['incident.opened']> = {},
): EventPayloads['incident.opened'] {
  return {
    incidentId: 'inc_1',
    env: 'production',
    key: 'production|service:api',
    type: 'outage',
    severity: 'SEV2',
    title: 'Outage in production: api',
    services: ['api'],
    release: null,
    startedAt: t(0),
    signals: [signal()],
    factors: [],
    hypotheses: [],
    plan: { title: 'Outage', steps: ['acknowledge'], next: null },
    rollback: { ready: false, from: null, to: null, detail: 'no deploy', command: null },
    ...over,
  }
}
