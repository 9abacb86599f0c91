/**
 * @module The words of incident response: signals the agents observe, incidents they open (one per cause),
 * severity factors, root-cause hypotheses, playbooks and the response plan built from them. Times are ISO-8601
 * strings, as in the journal; every function takes an explicit `now`.
 */
import type { ProbeSummary } from '../../domain/events.ts'
import type { DeployFact } from './deploys.ts'

export const SIGNAL_KINDS = [
  'probe-failing',
  'error-spike',
  'new-template',
  'error-rate',
  'silence',
  'deploy-failed',
  'verification-failed',
  'security',
  'electron-feed',
  'manual',
] as const
export type SignalKind = (typeof SIGNAL_KINDS)[number]

export const INCIDENT_TYPES = [
  'outage',
  'degraded-performance',
  'elevated-errors',
  'failed-deploy',
  'security',
  'electron-update-failure',
] as const
export type IncidentType = (typeof INCIDENT_TYPES)[number]

/** SEV1 is the most severe. */
export const INCIDENT_SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number]

/** true when `a` is more severe than `b`. */
export const moreSevere = (a: IncidentSeverity, b: IncidentSeverity): boolean =>
  INCIDENT_SEVERITIES.indexOf(a) < INCIDENT_SEVERITIES.indexOf(b)

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

/** As in the config's service `kind`; website, api and electron face users. */
export type ServiceKind = 'website' | 'api' | 'worker' | 'electron' | 'other'

/** Numbers behind a signal; which are set depends on its kind. */
export interface SignalCounts {
  /** probe-failing: failed checks in the window. */
  failures?: number
  /** probe-failing: checks made in the window (failures === checks means hard down). */
  checks?: number
  /** error-spike: expected lines per bucket; error-rate: the error share before (0..1). */
  before?: number
  /** error-spike, new-template: lines in the bucket that fired; error-rate: the error share now (0..1). */
  after?: number
  /** probe-failing: latency of the slow checks, when the probe failed on latency alone. */
  latencyMs?: number
}

/** One observation from an agent (or a person, for `manual`), already redacted. */
export interface Signal {
  kind: SignalKind
  env: string
  /** Service it concerns; null when unknown (e.g. a log source not tied to a service). */
  service: string | null
  /** ISO-8601. */
  time: string
  /** One line a person reads, e.g. "api/health failed 3 of 3 checks: connect ECONNREFUSED". */
  summary: string
  /** Supporting lines: example log lines, probe details, p-values. */
  evidence: string[]
  /** The release the signal is tied to (new template after it, deploy that failed). */
  release?: string | null
  /** Template key and text for log signals. */
  template?: { key: string; text: string } | null
  probe?: string | null
  counts: SignalCounts
  /** Manual trigger only: the type and severity a person declared. */
  declared?: { type?: IncidentType; severity?: IncidentSeverity }
}

export interface SeverityFactor {
  /** Stable name: environment, user-facing, probes, error-rate, duration, breadth, type, declared. */
  name: string
  value: string | number | boolean
  /** Points this factor adds to the score. */
  weight: number
  explanation: string
}

export interface SeverityAssessment {
  severity: IncidentSeverity
  score: number
  factors: SeverityFactor[]
}

export const HYPOTHESIS_KINDS = [
  'recent-deploy',
  'config-change',
  'service-down',
  'external-dependency',
  'load-spike',
  'new-error',
] as const
export type HypothesisKind = (typeof HYPOTHESIS_KINDS)[number]

export interface Hypothesis {
  kind: HypothesisKind
  title: string
  /** 0..100, higher is more likely; the list is sorted by it. */
  score: number
  evidence: string[]
  /** A command that checks it, e.g. `rina review 1.4.2`. */
  check: string | null
}

/** What a playbook step does, so the plan can tell when it is done and whether it needs a person. */
export const STEP_ACTIONS = [
  'acknowledge',
  'assess',
  'investigate',
  'notify',
  'freeze',
  'rollback',
  'escalate',
  'mitigate',
  'verify',
  'resolve',
] as const
export type StepAction = (typeof STEP_ACTIONS)[number]

/**
 * Conditions under which a step applies: a rollback is prepared, the environment serves users, the incident
 * follows a deploy, the latest assessment is above the current severity.
 */
export const STEP_CONDITIONS = ['rollback-ready', 'production', 'follows-deploy', 'severity-rising'] as const
export type StepCondition = (typeof STEP_CONDITIONS)[number]

export interface PlaybookStep {
  /** Stable within its playbook, used by overrides and to mark the step done. */
  id: string
  title: string
  /** A role, e.g. "incident commander", "on-call engineer", "communications". */
  owner: string
  /** The command to run, with placeholders ({env}, {incident}, {to}, {reason} …) filled in by the plan. */
  command?: string
  /** A decision a person takes (freeze, rollback, escalation): agents recommend it, never run it. */
  human: boolean
  action: StepAction
  when?: StepCondition
}

export interface Playbook {
  type: IncidentType
  title: string
  steps: PlaybookStep[]
}

export type Playbooks = Readonly<Record<IncidentType, Playbook>>

export interface PlanStep {
  id: string
  title: string
  owner: string
  command: string | null
  human: boolean
  action: StepAction
  status: 'todo' | 'done' | 'skipped'
  /** Why a step is done or skipped. */
  note: string | null
}

export interface RollbackPreparation {
  ready: boolean
  /** Release to switch back to. */
  to: string | null
  /** Release the incident followed (the one to leave). */
  from: string | null
  detail: string
  command: string | null
  /** The run that already switched back, when someone rolled back after the incident began. */
  taken: string | null
}

export interface ResponsePlan {
  type: IncidentType
  title: string
  steps: PlanStep[]
  /** The single recommended next command (the first open step that has one). */
  next: { stepId: string; command: string; human: boolean } | null
  rollback: RollbackPreparation
}

export interface Incident {
  id: string
  /** Cause key: env plus the deploy, service, template or manual cause it groups by. */
  key: string
  env: string
  title: string
  services: string[]
  type: IncidentType
  /** Current severity: assessed when opened; afterwards changed by a person (escalate). */
  severity: IncidentSeverity
  /** The latest assessment, which may be higher than `severity` (then the plan recommends escalating). */
  assessed: IncidentSeverity
  factors: SeverityFactor[]
  signals: Signal[]
  status: IncidentStatus
  /** The release whose deploy preceded it, when there is one. */
  release: string | null
  /** Time of the first signal. */
  startedAt: string
  /** When the incident was opened (the correlation's `now`). */
  openedAt: string
  updatedAt: string
  acknowledgedAt: string | null
  resolvedAt: string | null
  hypotheses: Hypothesis[]
  plan: ResponsePlan | null
}

/** An incident as correlation produces it, before severity, hypotheses and plan are assessed. */
export type IncidentDraft = Omit<Incident, 'severity' | 'assessed' | 'factors' | 'hypotheses' | 'plan'>

/** Preflight of a release, as journaled by `preflight.completed`. */
export interface PreflightFact {
  decision: string
  score: number | null
  summary: string
  findings: { ruleId: string; severity: string; file: string; line: number; message: string }[]
}

/**
 * Everything the analysis reads about one environment, built by the caller from state, config and the latest
 * health; each function takes only the fields it needs.
 */
export interface IncidentContext {
  now: Date
  /** Production (or a protected environment): users are affected. */
  production: boolean
  /** Services of the environment and their kinds, from config. */
  services: Readonly<Record<string, ServiceKind>>
  /** Latest result per probe in the environment. */
  probes: readonly ProbeSummary[]
  /** Latest error share of the environment's logs (0..1), when known. */
  errorRate: number | null
  /** Deploy and rollback runs, oldest first (see deployFacts). */
  deploys: readonly DeployFact[]
  /** Preflight per release id. */
  preflight: Readonly<Record<string, PreflightFact>>
  /** Config changes applied to the environment (e.g. rina.yml or env vars), oldest first. */
  configChanges: readonly { at: string; detail: string }[]
  /** Request rate per minute before the incident and now, when a source measures it. */
  traffic: { before: number; now: number } | null
  /** The environment is frozen now. */
  frozen: boolean
  /** Releases the provider still has in place; omitted when unknown (then assumed present). */
  available?: readonly string[]
  /** Plan step ids already done for this incident (from its timeline). */
  doneSteps: readonly string[]
  /** How long after a deploy a signal counts as following it. Default 2 h. */
  deployWindowMs?: number
}
