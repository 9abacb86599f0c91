/**
 * @module What incident commands read: the journal once (events and the state folded from them), the playbooks
 * after config overrides, and the analysis context of one environment (services and kinds, latest probe results,
 * deploys, preflight per release, freeze) built from them.
 */
import { deployFacts } from '../analysis/incident/deploys.ts'
import { incidentWindows } from '../analysis/incident/config.ts'
import { mergePlaybooks } from '../analysis/incident/merge-playbooks.ts'
import { builtInPlaybooks } from '../analysis/incident/playbooks.ts'
import type { IncidentContext, Playbooks, PreflightFact } from '../analysis/incident/types.ts'
import type { RinaConfig } from '../config/schema.ts'
import type { JournalEvent, ProbeSummary } from '../domain/events.ts'
import type { State } from '../domain/state.ts'
import { freezeGate } from '../gates/freeze.ts'
import { project } from '../journal/projection.ts'
import type { CommandContext } from './context.ts'
import { isProtected } from './environment.ts'

export interface JournalRead {
  events: JournalEvent[]
  state: State
}

/** Every event and the state they fold to, from one scan. */
export async function readJournal(ctx: CommandContext): Promise<JournalRead> {
  const events = await ctx.journal.all()
  return { events, state: project(events) }
}

export const playbooksOf = (config: RinaConfig): Playbooks =>
  mergePlaybooks(builtInPlaybooks, config.incident.playbooks)

/** The environment `rina incident-response` looks at without --env: production, else the last one. */
export function defaultIncidentEnv(config: RinaConfig): string {
  const envs = Object.keys(config.environments)
  return envs.includes('production') ? 'production' : envs[envs.length - 1]!
}

/**
 * Latest probe results of `env`: the newest health check or deploy health gate, with what the health agent
 * journaled since (`health.changed`) laid over it, so a probe that went down after the gate counts as failing.
 */
export function latestProbes(events: readonly JournalEvent[], env: string): ProbeSummary[] {
  const at = events.findLastIndex(
    (e) =>
      (e.type === 'health.checked' || e.type === 'health.gate_completed') &&
      (e.payload as { env: string }).env === env,
  )
  const probes =
    at >= 0 ? (events[at]!.payload as { probes: ProbeSummary[] }).probes.map((p) => ({ ...p })) : []
  for (const e of events.slice(at + 1)) {
    if (e.type !== 'health.changed') continue
    const c = (e as JournalEvent<'health.changed'>).payload
    if (c.env !== env) continue
    const p = probes.find((x) => x.service === c.service && x.probe === c.probe)
    if (p) Object.assign(p, { lastOk: c.healthy, lastDetail: c.detail })
  }
  return probes
}

function preflightFacts(events: readonly JournalEvent[]): Record<string, PreflightFact> {
  const out: Record<string, PreflightFact> = {}
  for (const e of events) {
    if (e.type !== 'preflight.completed') continue
    const p = e.payload as JournalEvent<'preflight.completed'>['payload']
    out[p.release] = { decision: p.decision, score: p.score, summary: p.summary, findings: p.findings }
  }
  return out
}

export const isFrozen = (ctx: CommandContext, state: State, env: string, now: Date): boolean =>
  !freezeGate(state, { env, now }, ctx.config.freeze.windows).allowed

/** The analysis context of one environment; `doneSteps` is per incident (see incident-view.ts). */
export function envContext(ctx: CommandContext, read: JournalRead, env: string, now: Date): IncidentContext {
  const services = ctx.config.environments[env]?.services ?? {}
  return {
    now,
    production: isProtected(ctx.config, env),
    services: Object.fromEntries(Object.entries(services).map(([name, s]) => [name, s.kind])),
    probes: latestProbes(read.events, env),
    errorRate: null,
    deploys: deployFacts(read.state),
    preflight: preflightFacts(read.events),
    configChanges: [],
    traffic: null,
    frozen: isFrozen(ctx, read.state, env, now),
    doneSteps: [],
    deployWindowMs: incidentWindows(ctx.config.incident).deployWindowMs,
  }
}
