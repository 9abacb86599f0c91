/** @module Event builders for the communication agent's tests. */
import { agentActor, humanActor, type Actor } from '../../domain/actor.ts'
import type { EventPayloads, EventType, JournalEvent } from '../../domain/events.ts'

let seq = 0

export function event<T extends EventType>(
  type: T,
  payload: EventPayloads[T],
  over: { actor?: Actor; time?: string; seq?: number } = {},
): JournalEvent {
  return {
    seq: over.seq ?? ++seq,
    id: `evt_${seq}`,
    time: over.time ?? '2026-01-05T10:00:00.000Z',
    type,
    actor: over.actor ?? humanActor('ana@example.com'),
    reason: null,
    payload,
    prevHash: '',
    hash: '',
  }
}

/** An incident event as the incident commands journal it: a flat payload keyed by `incidentId`. */
export function incidentEvent(
  verb: 'opened' | 'updated' | 'resolved',
  incident: Record<string, unknown>,
  over: { seq?: number; time?: string } = {},
): JournalEvent {
  const { id, ...rest } = incident
  return {
    ...event('freeze.disabled', { env: 'x' }, { actor: agentActor('incident'), ...over }),
    type: `incident.${verb}`,
    payload: { incidentId: id, ...rest } as unknown as JournalEvent['payload'],
  }
}

export const started = (env = 'production', release = '1.4.2') =>
  event('deploy.started', {
    runId: 'run_1',
    env,
    release,
    kind: 'deploy',
    services: [{ service: 'api', previous: '1.4.1' }],
    steps: [{ id: 's1', service: 'api', action: 'deploy', description: 'deploy api' }],
    confirmation: 'typed',
    holder: 'h',
  })

export const succeeded = (env = 'production', release = '1.4.2') =>
  event('deploy.succeeded', { runId: 'run_1', env, release, kind: 'deploy', durationMs: 95_000 })

export const failed = (env = 'production', release = '1.4.2') =>
  event('deploy.failed', {
    runId: 'run_1',
    env,
    release,
    kind: 'deploy',
    reason: 'health gate failed: api/health 0 of 3 passes',
    failedStep: 'health-gate',
    durationMs: 120_000,
  })
