/** @module Human-only gate: production deploys, approvals, rollbacks and freeze toggles are taken by a human. */
import type { Actor } from '../domain/actor.ts'
import { formatActor } from '../domain/actor.ts'
import type { Decision } from './decision.ts'
import { allow, deny } from './decision.ts'

export function humanGate(actor: Actor, action: string): Decision {
  if (actor.kind === 'human') return allow
  return deny({
    gate: 'human',
    code: 'HUMAN_REQUIRED',
    message: `${action} is a human decision; ${formatActor(actor)} may only recommend it`,
    hint: 'ask a person to run the command',
  })
}
