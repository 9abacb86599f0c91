/**
 * @module The guided recovery after an incident is resolved, as data: unfreeze (a person), verify the service is
 * restored, send the update, resume deploys. Each step carries its command and is done according to the journal
 * (events after the resolution) or a step the caller recorded as done.
 */
import { formatActor } from '../../domain/actor.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { shellEscape } from './fill.ts'
import type { Incident } from './types.ts'

export const RECOVERY_STEPS = ['unfreeze', 'verify-restored', 'send-update', 'resume-deploys'] as const
export type RecoveryStepId = (typeof RECOVERY_STEPS)[number]

export interface RecoveryStep {
  id: RecoveryStepId
  title: string
  owner: string
  command: string
  human: boolean
  done: boolean
  detail: string
}

export interface RecoveryPath {
  /** Recovery starts once the incident is resolved. */
  available: boolean
  steps: RecoveryStep[]
  next: { stepId: RecoveryStepId; command: string; human: boolean } | null
  complete: boolean
}

export interface RecoveryContext {
  /** The environment is frozen now. */
  frozen: boolean
  /** Steps recorded as done in the journal (e.g. by `rina incident recover`). */
  marked?: readonly string[]
}

type Payload = Record<string, unknown>

export function recoveryPath(
  incident: Pick<Incident, 'id' | 'env' | 'title' | 'status' | 'startedAt' | 'resolvedAt'>,
  events: readonly JournalEvent[],
  ctx: RecoveryContext,
): RecoveryPath {
  const env = incident.env
  const resolved = incident.resolvedAt ? Date.parse(incident.resolvedAt) : Infinity
  const inEnv = (e: JournalEvent) => (e.payload as Payload).env === env
  const after = events.filter((e) => inEnv(e) && Date.parse(e.time) >= resolved)
  const during = events.filter((e) => inEnv(e) && Date.parse(e.time) >= Date.parse(incident.startedAt))
  const marked = (id: RecoveryStepId) => ctx.marked?.includes(id) ?? false
  const reason = shellEscape(`incident ${incident.id} resolved`)

  const unfrozen = during.findLast((e) => e.type === 'freeze.disabled' || e.type === 'freeze.expired')
  const wasFrozen = during.some((e) => e.type === 'freeze.enabled')
  const check = after.findLast(
    (e) =>
      e.type === 'health.checked' ||
      (e.type === 'health.gate_completed' && (e.payload as Payload).phase === 'gate'),
  )
  const healthy = check
    ? ((check.payload as Payload).healthy ?? (check.payload as Payload).passed) === true
    : false
  const update = after.find((e) => e.type === 'notification.requested')
  const deploy = after.find((e) => e.type === 'deploy.started' && (e.payload as Payload).kind === 'deploy')

  const steps: RecoveryStep[] = [
    {
      id: 'unfreeze',
      title: 'Lift the freeze (a person, with a reason)',
      owner: 'incident commander',
      command: `rina freeze disable --env ${env} --reason "${reason}"`,
      human: true,
      done: !ctx.frozen || marked('unfreeze'),
      detail: ctx.frozen
        ? `${env} is frozen`
        : unfrozen
          ? `unfrozen by ${formatActor(unfrozen.actor)}${unfrozen.reason ? `: ${unfrozen.reason}` : ''}`
          : wasFrozen
            ? `${env} is no longer frozen`
            : `${env} was not frozen`,
    },
    {
      id: 'verify-restored',
      title: 'Verify the service is restored: every probe passes',
      owner: 'on-call engineer',
      command: `rina health-check ${env}`,
      human: false,
      done: healthy || marked('verify-restored'),
      detail: !check
        ? 'no health check since the resolution'
        : healthy
          ? `healthy at ${check.time}`
          : `unhealthy at ${check.time}`,
    },
    {
      id: 'send-update',
      title: 'Tell users and stakeholders the service is restored',
      owner: 'communications',
      command: `rina notify "${shellEscape(`Resolved: ${incident.title}. Service is restored (incident ${incident.id}).`)}" --severity info --env ${env}`,
      human: false,
      done: update !== undefined || marked('send-update'),
      detail: update ? `sent at ${update.time}` : 'no update sent since the resolution',
    },
    {
      id: 'resume-deploys',
      title: 'Resume deploys: check that the next deploy passes every gate',
      owner: 'incident commander',
      command: `rina deploy ${env} --dry-run`,
      human: false,
      done: (!ctx.frozen && deploy !== undefined) || marked('resume-deploys'),
      detail: deploy
        ? `deploy of ${String((deploy.payload as Payload).release)} started at ${deploy.time}`
        : 'no deploy since the resolution',
    },
  ]
  const available = incident.status === 'resolved'
  const first = available ? steps.find((s) => !s.done) : undefined
  return {
    available,
    steps,
    next: first ? { stepId: first.id, command: first.command, human: first.human } : null,
    complete: available && steps.every((s) => s.done),
  }
}
