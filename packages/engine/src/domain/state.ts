/** @module Current state, as projected from the journal. Nothing here is stored: it is a fold of events. */
import type { RecoveryStepId } from '../analysis/incident/recovery.ts'
import type { Incident } from '../analysis/incident/types.ts'
import type { Actor } from './actor.ts'
import type { ProbeSummary } from './events.ts'

export interface FreezeState {
  env: string
  by: Actor
  reason: string
  /** ISO time the freeze was enabled. */
  since: string
  /** ISO time the freeze lifts itself, or null for "until someone unfreezes". */
  until: string | null
  seq: number
}

export interface LastUnfreeze {
  env: string
  by: Actor
  reason: string
  at: string
  /** true when the system lifted an expired freeze. */
  expired: boolean
}

export interface NotificationState {
  id: string
  channel: string
  status: 'requested' | 'delivered' | 'dead'
  title: string
  attempts: number
  lastError: string | null
  requestedAt: string
}

export interface Approval {
  by: Actor
  reason: string
  at: string
  seq: number
}

export interface ReleaseState {
  id: string
  commit: string | null
  branch: string | null
  subject: string | null
  registeredBy: Actor
  registeredAt: string
  preflight: {
    env: string
    decision: string
    score: number | null
    summary: string
    acceptedRisk: boolean
    seq: number
  } | null
  /** Environments where a deploy of this release succeeded (its health gate and soak passed). */
  validatedIn: string[]
  /** Approvals per environment. */
  approvals: Record<string, Approval[]>
}

export interface EnvironmentState {
  current: string | null
  previous: string | null
  /** Runs in this environment, newest last (ids). */
  runs: string[]
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted'

export interface RunState {
  id: string
  env: string
  release: string
  kind: 'deploy' | 'rollback'
  status: RunStatus
  actor: Actor
  startedAt: string
  endedAt: string | null
  holder: string
  services: { service: string; previous: string | null }[]
  planned: string[]
  completedSteps: string[]
  reason: string | null
  failedStep: string | null
  confirmation: string
}

/** An incident as journaled: the analysis' Incident (its plan is derived when read) and who did what. */
export interface IncidentState extends Omit<Incident, 'plan'> {
  openedBy: Actor
  acknowledgedBy: Actor | null
  resolvedBy: Actor | null
  /** The reason given on resolve. */
  resolution: string | null
  /** Relative to the directory of rina.yml. */
  postmortemPath: string | null
  /** Sequences of the events about this incident, in order: its own timeline. */
  seqs: number[]
  /** Plan steps marked done by notes. */
  doneSteps: string[]
  /** The latest run of each recovery step. */
  recovery: Partial<Record<RecoveryStepId, { done: boolean; at: string; by: Actor; detail: string }>>
}

/** The last health verdict seen for an environment: a health check, or a deploy's health gate or soak. */
export interface LastHealth {
  /** ISO time of the event that carried it. */
  at: string
  healthy: boolean
  probes: ProbeSummary[]
  /** `health-check`, or `deploy gate` / `deploy soak`. */
  source: string
}

export interface State {
  /** Sequence of the last event folded in (0 for an empty journal). */
  seq: number
  freezes: Record<string, FreezeState>
  lastUnfreeze: Record<string, LastUnfreeze>
  notifications: Record<string, NotificationState>
  releases: Record<string, ReleaseState>
  environments: Record<string, EnvironmentState>
  runs: Record<string, RunState>
  incidents: Record<string, IncidentState>
  /** Per environment, its last health verdict. */
  health: Record<string, LastHealth>
}

export const emptyState = (): State => ({
  seq: 0,
  freezes: {},
  lastUnfreeze: {},
  notifications: {},
  releases: {},
  environments: {},
  runs: {},
  incidents: {},
  health: {},
})
