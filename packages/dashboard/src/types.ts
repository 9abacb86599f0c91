/** @module The API's answers as the panel reads them (the fields it uses; the OpenAPI document has them all). */

export interface Actor {
  kind: 'human' | 'agent' | 'system'
  id: string
}

export interface JournalEvent {
  seq: number
  id: string
  time: string
  type: string
  actor: Actor
  reason: string | null
  payload: Record<string, unknown>
  hash: string
}

export interface ProbeSummary {
  service: string
  probe: string
  type: string
  passes: number
  failures: number
  lastOk: boolean
  lastDetail: string
  latencyMs: { p50: number; max: number }
}

export interface FreezeStatus {
  env: string
  frozen: boolean
  manual: { by: Actor; reason: string; since: string; until: string | null } | null
  activeWindows: { name: string; start: string; end: string; reason: string | null }[]
  nextWindow: { name: string; start: string; end: string } | null
  lastUnfreeze: { by: Actor; reason: string; at: string } | null
}

export interface RunSummary {
  id: string
  release: string
  kind: 'deploy' | 'rollback'
  status: 'running' | 'succeeded' | 'failed' | 'interrupted'
  actor: Actor
  startedAt: string
  endedAt: string | null
  reason: string | null
}

export interface RunState extends RunSummary {
  env: string
  planned: string[]
  completedSteps: string[]
  failedStep: string | null
  confirmation: string
}

export interface EnvStatus {
  env: string
  current: string | null
  previous: string | null
  freeze: FreezeStatus
  lock: { holder: string; since: string } | null
  runs: RunSummary[]
  health: { at: string; healthy: boolean; probes: ProbeSummary[]; source: string } | null
}

export interface Approval {
  by: Actor
  reason: string
  at: string
}

export interface ReleaseState {
  id: string
  commit: string | null
  subject: string | null
  registeredAt: string
  preflight: { decision: string; score: number | null; summary: string } | null
  validatedIn: string[]
  approvals: Record<string, Approval[]>
}

export interface Review {
  approvalsNeeded: { env: string; required: number; counting: number }
}

export interface ProbeSample {
  env: string
  service: string
  probe: string
  at: number
  ok: boolean
  latencyMs: number
}

export interface IncidentSummary {
  id: string
  env: string
  title: string
  type: string
  severity: string
  assessed: string
  status: 'open' | 'acknowledged' | 'resolved'
  services: string[]
  startedAt: string
  signals: number
  next: string | null
}

export interface IncidentPlanStep {
  id: string
  title: string
  owner: string
  command: string | null
  human: boolean
  status: 'todo' | 'done' | 'skipped'
  note: string | null
}

export interface IncidentView extends IncidentSummary {
  release: string | null
  factors: { name: string; value: string | number | boolean; weight: number; explanation: string }[]
  hypotheses: { title: string; score: number; evidence: string[]; check: string | null }[]
  plan: {
    title: string
    steps: IncidentPlanStep[]
    next: { stepId: string; command: string; human: boolean } | null
    rollback: {
      ready: boolean
      from: string | null
      to: string | null
      detail: string
      command: string | null
    }
  } | null
  timeline: { time: string; actor: string; text: string }[]
  resolution: string | null
}

export interface VerifyReport {
  ok: boolean
  verified: number
  head: { seq: number; hash: string }
  break: { seq: number; problem: string; detail: string } | null
}

export interface MetricsSnapshot {
  at: string
  journal: { seq: number }
  deploys: { running: number; succeeded: number; failed: number }
  incidents: number
}

export interface Me {
  user: string
  role: 'viewer' | 'deployer' | 'approver' | 'admin'
}
