/**
 * @module Rollback preparation: when an incident follows a deploy and the release that ran before is still in
 * place and passed its health gate in that environment, the way back is ready and one command takes it. The
 * switch itself is a person's decision.
 */
import { formatDuration } from '../../domain/duration.ts'
import type { DeployFact } from './deploys.ts'
import { DEFAULT_DEPLOY_WINDOW_MS, deployBefore, runsAfter } from './deploys.ts'
import { shellEscape } from './fill.ts'
import type { RollbackPreparation } from './types.ts'

export interface RollbackContext {
  env: string
  /** When the incident began (its first signal). */
  since: string
  deploys: readonly DeployFact[]
  /** Releases the provider still has in place; omitted when unknown (then assumed present). */
  available?: readonly string[]
  deployWindowMs?: number
  /** Reason text for the command; "…" (for a person to write) when omitted. */
  reason?: string
}

const notReady = (
  detail: string,
  from: string | null = null,
  taken: string | null = null,
): RollbackPreparation => ({
  ready: false,
  to: null,
  from,
  detail,
  command: null,
  taken,
})

export function prepareRollback(ctx: RollbackContext): RollbackPreparation {
  const windowMs = ctx.deployWindowMs ?? DEFAULT_DEPLOY_WINDOW_MS
  const d = deployBefore(ctx.deploys, ctx.env, ctx.since, windowMs)
  if (!d)
    return notReady(`no deploy to ${ctx.env} in the ${formatDuration(windowMs)} before the incident began`)
  const later = runsAfter(ctx.deploys, d)
  const running = later.find((r) => r.status === 'running')
  if (running)
    return notReady(`run ${running.runId} (${running.kind} of ${running.release}) is in progress`, d.release)
  const moved = later.findLast((r) => r.status === 'succeeded')
  if (moved) {
    const what = moved.kind === 'rollback' ? 'rolled back to' : 'moved on to'
    return notReady(
      `${ctx.env} already ${what} ${moved.release} (run ${moved.runId})`,
      d.release,
      moved.runId,
    )
  }
  const to = d.previous
  if (!to)
    return notReady(`${d.release} was the first release in ${ctx.env}: there is no earlier one`, d.release)
  const healthy = ctx.deploys.some(
    (r) =>
      r.env === ctx.env &&
      r.release === to &&
      r.status === 'succeeded' &&
      Date.parse(r.startedAt) < Date.parse(d.startedAt),
  )
  if (!healthy) return notReady(`${to} never passed its health gate in ${ctx.env}`, d.release)
  if (ctx.available && !ctx.available.includes(to))
    return notReady(`${to} is no longer in place to switch back to`, d.release)
  const outcome = d.status === 'succeeded' ? 'deployed' : d.status
  return {
    ready: true,
    to,
    from: d.release,
    detail: `${to} ran healthy in ${ctx.env} before ${d.release} (${outcome}, run ${d.runId}) and is in place to switch back to`,
    command: `rina rollback ${ctx.env} --to ${to} --reason "${ctx.reason === undefined ? '…' : shellEscape(ctx.reason)}"`,
    taken: null,
  }
}
