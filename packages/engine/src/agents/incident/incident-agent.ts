/**
 * @module The incident response agent: turns journaled observations (a probe turned unhealthy, a failed deploy,
 * a failed verification) into signals and hands them to incident correlation (recordSignals), which opens or
 * updates incidents with their response plan. It recommends the plan's next command; it never freezes, rolls
 * back or resolves anything itself.
 */
import { redact } from '../../domain/redact.ts'
import type { RecordSignals } from '../record-signals.ts'
import type { Agent } from '../types.ts'
import { signalsOfEvent } from './event-signals.ts'

export interface IncidentAgentOptions {
  recordSignals: RecordSignals
}

export function createIncidentAgent(opts: IncidentAgentOptions): Agent {
  return {
    name: 'incident',
    async onEvent(e, ctx) {
      const probeType = (env: string, service: string, probe: string) =>
        ctx.config.environments[env]?.services[service]?.probes.find((x) => x.name === probe)?.type ?? null
      const signals = signalsOfEvent(e, probeType).map((s) => redact(s, ctx.secrets))
      if (signals.length === 0) return
      const { opened, updated } = await opts.recordSignals(ctx, signals)
      // The plan's next command travels in incident.opened; the communication agent takes it to people.
      if (opened.length) ctx.progress?.(`opened incident ${opened.join(', ')} from ${e.type}`)
      if (updated.length) ctx.progress?.(`updated incident ${updated.join(', ')} from ${e.type}`)
    },
  }
}
