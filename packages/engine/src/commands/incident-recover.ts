/**
 * @module `rina incident recover ID [--step unfreeze|verify|update|resume]`: the guided recovery after a
 * resolution. Without a step it shows the path; a step runs the real command (unfreeze: disableFreeze, a person
 * with a reason; verify: a health check; update: a notification; resume: the freeze gate a deploy would meet)
 * and journals `incident.recovery_step` with its outcome.
 */
import type { RecoveryPath, RecoveryStepId } from '../analysis/incident/recovery.ts'
import { RECOVERY_STEPS } from '../analysis/incident/recovery.ts'
import type { IncidentState } from '../domain/state.ts'
import { RinaError } from '../errors.ts'
import type { Decision } from '../gates/decision.ts'
import { allow, deny } from '../gates/decision.ts'
import { freezeGate } from '../gates/freeze.ts'
import type { CommandContext } from './context.ts'
import { disableFreeze, settleExpiredFreezes } from './freeze.ts'
import { enforce } from './gate.ts'
import { healthCheck } from './health.ts'
import { isFrozen, readJournal } from './incident-context.ts'
import { findIncident, viewOf } from './incident-view.ts'
import { requestNotification } from './notify.ts'

/** The short names the CLI takes, and the ids of the recovery path. */
export const RECOVERY_CHOICES: Readonly<Record<string, RecoveryStepId>> = {
  unfreeze: 'unfreeze',
  verify: 'verify-restored',
  update: 'send-update',
  resume: 'resume-deploys',
}

export interface RecoveryOutcome {
  incidentId: string
  /** The step run, or null when only the path was asked for. */
  step: { id: RecoveryStepId; done: boolean; detail: string; seq: number } | null
  /** Set by the update step: the notification to deliver. */
  notificationId: string | null
  recovery: RecoveryPath
}

export function parseRecoveryStep(text: string): RecoveryStepId {
  const id = RECOVERY_CHOICES[text] ?? (RECOVERY_STEPS as readonly string[]).find((s) => s === text)
  if (id) return id as RecoveryStepId
  throw new RinaError({
    code: 'USAGE',
    message: `"${text}" is not a recovery step`,
    hint: `use one of ${Object.keys(RECOVERY_CHOICES).join(', ')}`,
  })
}

export function resolvedGate(i: IncidentState): Decision {
  if (i.status === 'resolved') return allow
  return deny({
    gate: 'incident',
    code: 'INCIDENT_OPEN',
    message: `incident ${i.id} is ${i.status}: recovery starts once it is resolved`,
    hint: `a person resolves it: rina incident resolve ${i.id} --reason "…"`,
  })
}

type StepRun = { done: boolean; detail: string; notificationId?: string }

async function runStep(
  ctx: CommandContext,
  i: IncidentState,
  step: RecoveryStepId,
  req: { reason?: string | undefined; signal?: AbortSignal | undefined },
): Promise<StepRun> {
  const env = i.env
  switch (step) {
    case 'unfreeze': {
      const [c] = await disableFreeze(ctx, { envs: [env], reason: req.reason })
      const { state } = await readJournal(ctx)
      const still = isFrozen(ctx, state, env, ctx.clock.now())
      const what = c!.changed ? `unfroze ${env}` : `${env} was not frozen`
      return { done: !still, detail: still ? `${what}; still inside a freeze window` : what }
    }
    case 'verify-restored': {
      const [h] = await healthCheck(ctx, [env], req.signal)
      const failing = h!.results.filter((r) => !r.ok).map((r) => `${r.service}/${r.probe}`)
      return {
        done: h!.healthy,
        detail: h!.healthy ? 'every probe passes' : `still failing: ${failing.join(', ')}`,
      }
    }
    case 'send-update': {
      const { notification, channels } = await requestNotification(ctx, {
        title: `Resolved: ${i.title}`,
        text: `Resolved: ${i.title}. Service is restored (incident ${i.id}).`,
        severity: 'info',
        env,
      })
      return {
        done: true,
        detail: `update ${notification.id} sent to ${channels.join(', ')}`,
        notificationId: notification.id,
      }
    }
    case 'resume-deploys': {
      const state = await settleExpiredFreezes(ctx)
      const gate = freezeGate(state, { env, now: ctx.clock.now() }, ctx.config.freeze.windows)
      return gate.allowed
        ? { done: true, detail: `${env} accepts deploys again` }
        : { done: false, detail: gate.reasons.map((r) => r.message).join('; ') }
    }
  }
}

export async function recoverIncident(
  ctx: CommandContext,
  ref: string,
  req: { step?: string | undefined; reason?: string | undefined; signal?: AbortSignal } = {},
): Promise<RecoveryOutcome> {
  const before = await readJournal(ctx)
  const i = findIncident(before.state, ref)
  if (req.step === undefined) {
    const recovery = viewOf(ctx, before, i, ctx.clock.now()).recovery
    return { incidentId: i.id, step: null, notificationId: null, recovery }
  }
  const id = parseRecoveryStep(req.step)
  enforce(resolvedGate(i), 'Recovery')
  const run = await runStep(ctx, i, id, req)
  const e = await ctx.journal.appendOne({
    type: 'incident.recovery_step',
    actor: ctx.actor,
    reason: `${id} ${run.done ? 'done' : 'not done'}: ${run.detail}`,
    payload: { incidentId: i.id, env: i.env, step: id, done: run.done, detail: run.detail },
  })
  const after = await readJournal(ctx)
  return {
    incidentId: i.id,
    step: { id, done: run.done, detail: run.detail, seq: e.seq },
    notificationId: run.notificationId ?? null,
    recovery: viewOf(ctx, after, after.state.incidents[i.id]!, ctx.clock.now()).recovery,
  }
}
