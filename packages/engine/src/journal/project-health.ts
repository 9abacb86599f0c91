/** @module Projection of health verdicts: per environment, the last health check or deploy health gate. */
import type { JournalEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'

export function applyHealth(s: State, e: JournalEvent): void {
  if (e.type === 'health.checked') {
    const p = e.payload as JournalEvent<'health.checked'>['payload']
    s.health[p.env] = { at: e.time, healthy: p.healthy, probes: p.probes, source: 'health-check' }
  } else if (e.type === 'health.gate_completed') {
    const p = e.payload as JournalEvent<'health.gate_completed'>['payload']
    s.health[p.env] = { at: e.time, healthy: p.passed, probes: p.probes, source: `deploy ${p.phase}` }
  }
}
