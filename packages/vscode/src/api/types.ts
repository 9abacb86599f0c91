/** @module The shapes of the `rina serve` answers the extension reads (a subset; the server's schemas are the truth). */
import type { IncidentView, PreflightFinding } from '@rinawarp/engine'

export interface ApiProblem {
  /** HTTP status, or 0 when the server could not be reached. */
  status: number
  code: string
  message: string
  hint: string | null
  details: unknown
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; problem: ApiProblem }

export interface ProbeSummary {
  service: string
  probe: string
  lastOk: boolean
  lastDetail: string
}

export interface FreezeStatus {
  env: string
  frozen: boolean
  manual: { by: { id: string }; reason: string; since: string; until: string | null } | null
  activeWindows: { name?: string; reason?: string }[]
}

export interface EnvStatus {
  env: string
  current: string | null
  previous: string | null
  freeze: FreezeStatus
  lock: { holder: string; since: string } | null
  health: { at: string; healthy: boolean; probes: ProbeSummary[]; source: string } | null
}

export interface HealthCheckAnswer {
  environments: { env: string; release: string | null; healthy: boolean; results: ProbeResult[] }[]
}

export interface ProbeResult {
  service: string
  probe: string
  ok: boolean
  detail: string
}

export interface StartedRun {
  runId: string
  seq: number
  links: { run: string; events: string }
}

export interface JournalEvent {
  seq: number
  type: string
  time: string
  actor: { kind: string; id: string }
  reason: string | null
  payload: Record<string, unknown>
}

export interface Review {
  release: { id: string }
  approvals: Record<string, { by: { id: string }; reason: string; at: string }[]>
  approvalsNeeded: { env: string; required: number; counting: number }
}

export interface PreflightAnswer {
  decision: string
  score: number
  summary: string
  findings: PreflightFinding[]
  source: string
}

export interface IncidentAnswer {
  incident: IncidentView
  opened: boolean
  health: { healthy: boolean; probes: ProbeSummary[] }
}

/** One reason a gate gave for a denial, as the server sends it in `details`. */
export interface GateReason {
  gate?: string
  code?: string
  message: string
  hint?: string
}
