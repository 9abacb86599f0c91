/**
 * @module Human confirmation of a protected deploy. On a terminal the person types the environment name; without
 * one, a prior human approval of this exact release is required and agents or CI are refused. Nothing skips it.
 */
import type { Actor } from '../domain/actor.ts'
import { formatActor } from '../domain/actor.ts'
import type { Decision } from './decision.ts'
import { allow, deny } from './decision.ts'

export type Confirmation = { kind: 'typed'; answer: string | null } | { kind: 'non-interactive'; ci: boolean }

export function confirmationGate(
  env: string,
  actor: Actor,
  confirmation: Confirmation,
  humanApprovers: readonly string[],
): Decision {
  if (actor.kind !== 'human') {
    return deny({
      gate: 'confirmation',
      code: 'HUMAN_REQUIRED',
      message: `a deploy to ${env} is confirmed by a person; ${formatActor(actor)} may only prepare it`,
    })
  }
  if (confirmation.kind === 'typed') {
    if (confirmation.answer?.trim() === env) return allow
    return deny({
      gate: 'confirmation',
      code: 'CONFIRMATION_REQUIRED',
      message:
        confirmation.answer === null
          ? `the deploy to ${env} was not confirmed`
          : `typed "${confirmation.answer.trim()}", not "${env}": nothing was deployed`,
      hint: `type the environment name exactly (${env}) to confirm`,
    })
  }
  if (confirmation.ci) {
    return deny({
      gate: 'confirmation',
      code: 'CONFIRMATION_REQUIRED',
      message: `a deploy to ${env} cannot be confirmed from CI`,
      hint: `a person runs rina deploy ${env} on a terminal and types "${env}"`,
    })
  }
  if (humanApprovers.length > 0) return allow
  return deny({
    gate: 'confirmation',
    code: 'CONFIRMATION_REQUIRED',
    message: `there is no terminal to confirm the deploy to ${env}, and no person approved this release for it`,
    hint: `run it on a terminal, or have it approved first: rina approve RELEASE --env ${env} --reason "…"`,
  })
}
