/**
 * @module `rina incident-response [TYPE] [SEVERITY]`: a person says something is wrong. It checks the
 * environment's health now, reads the recent tail of its file logs, turns failures into signals plus a manual
 * one, records them (opening an incident or updating the one they belong to) and returns the incident with its
 * plan, hypotheses and prepared rollback.
 */
import { fromProbeSummaries, manualSignal } from '../analysis/incident/signals.ts'
import type { IncidentSeverity, IncidentType, Signal } from '../analysis/incident/types.ts'
import { INCIDENT_TYPES } from '../analysis/incident/types.ts'
import type { ProbeSummary } from '../domain/events.ts'
import type { State } from '../domain/state.ts'
import { RinaError } from '../errors.ts'
import { summarize } from '../gates/health.ts'
import { toSample } from '../runner/health.ts'
import type { CommandContext } from './context.ts'
import { environmentConfig } from './environment.ts'
import { healthCheck } from './health.ts'
import { parseSeverity } from './incident-actions.ts'
import { defaultIncidentEnv, readJournal } from './incident-context.ts'
import type { SourceReading } from './incident-logs.ts'
import { analyzeRecentLogs } from './incident-logs.ts'
import type { IncidentView } from './incident-view.ts'
import { viewOf } from './incident-view.ts'
import { compactSignal, recordSignals } from './incident.ts'

export interface IncidentResponseRequest {
  env?: string | undefined
  type?: string | undefined
  severity?: string | undefined
  signal?: AbortSignal | undefined
}

export interface IncidentResponse {
  incident: IncidentView
  /** true when this trigger opened it; false when it joined an open incident. */
  opened: boolean
  health: { healthy: boolean; probes: ProbeSummary[] }
  logs: SourceReading[]
  /** Signals observed by this trigger (before correlation dropped duplicates). */
  signals: Signal[]
}

export function parseIncidentType(text: string): IncidentType {
  const t = text.toLowerCase()
  if ((INCIDENT_TYPES as readonly string[]).includes(t)) return t as IncidentType
  throw new RinaError({
    code: 'USAGE',
    message: `"${text}" is not an incident type`,
    hint: `use one of ${INCIDENT_TYPES.join(', ')}`,
  })
}

/** The release running in `env` and when its deploy started, so log templates new since then are tied to it. */
function currentRelease(state: State, env: string): { id: string; at: string } | null {
  const id = state.environments[env]?.current
  if (!id) return null
  const run = Object.values(state.runs).findLast(
    (r) => r.env === env && r.release === id && r.status === 'succeeded',
  )
  return run ? { id, at: run.startedAt } : null
}

export async function incidentResponse(
  ctx: CommandContext,
  req: IncidentResponseRequest = {},
): Promise<IncidentResponse> {
  const env = req.env ?? defaultIncidentEnv(ctx.config)
  environmentConfig(ctx.config, env)
  const type = req.type === undefined ? undefined : parseIncidentType(req.type)
  const severity: IncidentSeverity | undefined =
    req.severity === undefined ? undefined : parseSeverity(req.severity)

  // Signals carry the time the check began, so the journaled check counts as the assessment of the incident.
  const now = ctx.clock.now()
  ctx.progress?.(`checking the health of ${env}`)
  const [health] = await healthCheck(ctx, [env], req.signal)
  const at = now.toISOString()
  const probes = summarize(health!.results.map(toSample))
  ctx.progress?.(`reading recent logs of ${env}`)
  const { state } = await readJournal(ctx)
  const logs = await analyzeRecentLogs(ctx, env, { now, release: currentRelease(state, env) })
  const manual = manualSignal(env, at, ctx.actor.id, {
    ...(type ? { type } : {}),
    ...(severity ? { severity } : {}),
  })
  const signals = [...fromProbeSummaries(env, probes, at), ...logs.signals, manual].map(compactSignal)
  const recorded = await recordSignals(ctx, signals, { now })

  const read = await readJournal(ctx)
  const touched = [...recorded.opened, ...recorded.updated].map((id) => read.state.incidents[id]!)
  const incident =
    touched.find((i) => i.signals.some((s) => s.kind === 'manual' && s.time === at)) ??
    Object.values(read.state.incidents)
      .filter((i) => i.env === env && i.status !== 'resolved')
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0]
  if (!incident)
    throw new RinaError({ code: 'INTERNAL', message: `the signals for ${env} opened no incident` })
  return {
    incident: viewOf(ctx, read, incident, now),
    opened: recorded.opened.includes(incident.id),
    health: { healthy: health!.healthy, probes },
    logs: logs.sources,
    signals,
  }
}
