/**
 * @module The event vocabulary of the journal. Every change of state is one of these events; state is a fold of
 * them (see journal/projection.ts). Payloads are plain JSON; secrets are redacted before they are appended.
 */
import type { RecoveryStepId } from '../analysis/incident/recovery.ts'
import type {
  Hypothesis,
  IncidentSeverity,
  IncidentType,
  SeverityFactor,
  Signal,
} from '../analysis/incident/types.ts'
import type { Actor } from './actor.ts'
import type { NotifySeverity } from './severity.ts'

export interface EventPayloads {
  'freeze.enabled': { env: string; until: string | null }
  'freeze.disabled': { env: string }
  /** Appended by the system when a timed freeze passes its `until`. */
  'freeze.expired': { env: string; until: string }
  'notification.requested': {
    notificationId: string
    channel: string
    severity: NotifySeverity
    title: string
    text: string
    env: string | null
    idempotencyKey: string
    /** The event that caused it, when the communication side routed it; null for `rina notify`. */
    sourceSeq: number | null
    /**
     * The communication agent's group (`route|env|family`) it was sent for, so a restarted agent knows when the
     * group last sent; absent for `rina notify` and in events from before it was recorded.
     */
    group?: string
    facts?: { label: string; value: string }[]
    nextAction?: string | null
    url?: string | null
  }
  'notification.delivered': { notificationId: string; channel: string; attempts: number }
  'notification.dead_lettered': {
    notificationId: string
    channel: string
    attempts: number
    lastError: string
  }
  'notification.requeued': { notificationId: string; channel: string }
  /** A release becomes known when it is first deployed: its id and the commit it was built from. */
  'release.registered': {
    release: string
    commit: string | null
    branch: string | null
    subject: string | null
  }
  'preflight.completed': {
    release: string
    env: string
    decision: 'go' | 'caution' | 'no-go' | 'skipped'
    score: number | null
    summary: string
    findings: { ruleId: string; severity: string; file: string; line: number; message: string }[]
    /** Set when a human accepted a no-go with a reason (the reason is the event's reason). */
    acceptedRisk: boolean
  }
  'approval.granted': { release: string; env: string }
  'deploy.started': {
    runId: string
    env: string
    release: string
    kind: 'deploy' | 'rollback'
    /** What ran before, per service. */
    services: { service: string; previous: string | null }[]
    steps: { id: string; service: string; action: string; description: string }[]
    /** How a human confirmed a protected environment: typed its name, or a prior approval (non-interactive). */
    confirmation: 'typed' | 'prior-approval' | 'not-required'
    holder: string
  }
  /**
   * A step's command is in its own process group and about to run (it waits for this event to be stored): where to
   * find the group if the run is interrupted, so recovery can stop a command still running.
   */
  'deploy.command_started': {
    runId: string
    env: string
    stepId: string
    service: string
    group: ProcessGroupRef
  }
  'deploy.step_completed': {
    runId: string
    env: string
    stepId: string
    service: string
    action: string
    ok: boolean
    durationMs: number
    reason: string | null
  }
  'health.gate_completed': {
    runId: string
    env: string
    release: string
    phase: 'gate' | 'soak'
    passed: boolean
    durationMs: number
    probes: ProbeSummary[]
  }
  'deploy.succeeded': {
    runId: string
    env: string
    release: string
    kind: 'deploy' | 'rollback'
    durationMs: number
    /** Output lines the run log could not store (absent when every line was stored). */
    logDropped?: number
  }
  'deploy.failed': {
    runId: string
    env: string
    release: string
    kind: 'deploy' | 'rollback'
    reason: string
    failedStep: string | null
    durationMs: number
    /** Output lines the run log could not store (absent when every line was stored). */
    logDropped?: number
  }
  /** Appended by the system when a run's process died mid-way (found on a later start). */
  'deploy.interrupted': {
    runId: string
    env: string
    release: string
    completedSteps: string[]
    holder: string
    /** Commands still open when the run stopped, and what recovery did about them (absent in older journals). */
    commands?: OrphanCommand[]
  }
  /** After a failed protected deploy: the rollback is ready, and the one command a human runs. */
  'rollback.prepared': {
    runId: string
    env: string
    from: string
    to: string | null
    ready: boolean
    detail: string
    command: string | null
  }
  'health.checked': { env: string; healthy: boolean; probes: ProbeSummary[] }
  /** The health agent's damped view of a probe flipped: after `after` consecutive failures or successes. */
  'health.changed': {
    env: string
    service: string
    probe: string
    healthy: boolean
    after: number
    detail: string
  }
  /** A notable log anomaly the logs agent saw (spike of errors, new error template after a release, silence). */
  'logs.signal': {
    env: string
    service: string | null
    source: string
    kind: 'spike' | 'error-rate' | 'new-template' | 'silence'
    severity: string
    summary: string
    template: string | null
    release: string | null
    /** Example lines, secrets redacted. */
    examples: string[]
  }
  /** The deployment agent compared the window after a deploy with the one before and found a regression. */
  'deploy.verification_failed': {
    runId: string
    env: string
    release: string
    windowMs: number
    evidence: VerificationEvidence[]
  }
  'deploy.verification_passed': {
    runId: string
    env: string
    release: string
    windowMs: number
    summary: string
  }
  /** An agent's hook failed; journaled at most once a minute per agent, with how many failures it stands for. */
  'agent.failed': { agent: string; hook: 'event' | 'tick' | 'stop'; message: string; count: number }
  /** An API token was made for a user with a role (never the secret, nor its hash). */
  'token.created': { tokenId: string; user: string; role: 'viewer' | 'deployer' | 'approver' | 'admin' }
  'token.revoked': { tokenId: string; user: string }
  /** Signals correlated into a new incident (one per cause), assessed: severity factors, top hypotheses, plan. */
  'incident.opened': {
    incidentId: string
    env: string
    /** Cause key the correlation groups by. */
    key: string
    type: IncidentType
    severity: IncidentSeverity
    title: string
    services: string[]
    release: string | null
    /** Time of the first signal. */
    startedAt: string
    /** Compact: a few evidence lines each, already redacted. */
    signals: Signal[]
    factors: SeverityFactor[]
    /** The top three. */
    hypotheses: Hypothesis[]
    plan: { title: string; steps: string[]; next: { stepId: string; command: string; human: boolean } | null }
    rollback: {
      ready: boolean
      from: string | null
      to: string | null
      detail: string
      command: string | null
    }
  }
  /** New signals joined an open incident; `assessed` is the severity the analysis now suggests. */
  'incident.updated': {
    incidentId: string
    env: string
    signals: Signal[]
    assessed: IncidentSeverity
    factors: SeverityFactor[]
    hypotheses: Hypothesis[]
    type: IncidentType
    title: string
    services: string[]
    release: string | null
    startedAt: string
  }
  'incident.acknowledged': { incidentId: string; env: string }
  /** A person changed the severity (the reason is the event's reason). */
  'incident.escalated': { incidentId: string; env: string; from: IncidentSeverity; to: IncidentSeverity }
  /** An update with text; `done` marks plan steps as done. */
  'incident.note': { incidentId: string; env: string; text: string; done: string[] }
  /** A person resolved it (the reason is the event's reason); the postmortem draft is at `postmortemPath`. */
  'incident.resolved': { incidentId: string; env: string; postmortemPath: string }
  /** A step of the guided recovery was run: unfreeze, verify the service, send the update, resume deploys. */
  'incident.recovery_step': {
    incidentId: string
    env: string
    step: RecoveryStepId
    done: boolean
    detail: string
  }
}

/**
 * A process group as journaled: the host and boot it runs on, its id and its leader's start time (clock ticks
 * after boot, /proc/<pid>/stat field 22). A pid that was reused has another start time, so it is never mistaken
 * for the recorded group.
 */
export interface ProcessGroupRef {
  host: string
  /** The kernel's boot id; null where the system does not tell. */
  bootId: string | null
  /** Process group id: the pid of the group's leader (the step's shell). */
  pgid: number
  /** Null where the system does not tell; such a group is never signalled by recovery. */
  startTime: number | null
}

/**
 * What recovery found of a command left open by an interrupted run: `stopped` (ended on SIGTERM), `killed` (needed
 * SIGKILL), `survived` (still there after SIGKILL), `exited` (its leader had ended, or its pid now names another
 * process), `elsewhere` (on another host, left to it), `unverifiable` (no start time recorded, so not signalled).
 */
export interface OrphanCommand {
  stepId: string
  service: string
  host: string
  pgid: number
  outcome: 'stopped' | 'killed' | 'survived' | 'exited' | 'elsewhere' | 'unverifiable'
}

/** One probe's results over a gate, a soak or a check: enough for review and history, small enough to journal. */
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

/** One regression found by deploy verification: what, where, and the numbers before and after. */
export interface VerificationEvidence {
  kind: 'probe-success' | 'probe-latency' | 'error-template'
  /** `service/probe` for probes, the template text for logs. */
  subject: string
  service: string | null
  before: number
  after: number
  detail: string
}

export type EventType = keyof EventPayloads

/** What a command hands to the journal; the journal adds sequence, id, time and hashes. */
export interface EventDraft<T extends EventType = EventType> {
  type: T
  actor: Actor
  reason: string | null
  payload: EventPayloads[T]
}

export interface JournalEvent<T extends EventType = EventType> extends EventDraft<T> {
  seq: number
  id: string
  /** ISO-8601 UTC with milliseconds. */
  time: string
  prevHash: string
  hash: string
}

export const GENESIS_HASH = '0'.repeat(64)

export function isEvent<T extends EventType>(e: JournalEvent, type: T): e is JournalEvent<T> {
  return e.type === type
}
