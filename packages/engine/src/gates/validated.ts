/** @module Promotion gate: a release reaches an environment only after it passed the one before it. */
import type { State } from '../domain/state.ts'
import type { Decision } from './decision.ts'
import { allow, deny } from './decision.ts'

/** The environment a release must have passed first: configured, else the previous one in promotion order. */
export function requiredPredecessor(
  envOrder: readonly string[],
  env: string,
  configured?: string,
): string | null {
  if (configured) return configured
  const i = envOrder.indexOf(env)
  return i > 0 ? envOrder[i - 1]! : null
}

export function validatedGate(
  state: State,
  req: { release: string; env: string; mustPass: string | null },
): Decision {
  if (!req.mustPass) return allow
  const r = state.releases[req.release]
  if (r?.validatedIn.includes(req.mustPass)) return allow
  return deny({
    gate: 'validated',
    code: 'NOT_VALIDATED',
    message: `release ${req.release} has not passed ${req.mustPass}${r ? '' : ' (it was never deployed)'}`,
    hint: `deploy it there first: rina deploy ${req.mustPass} --release ${req.release}`,
  })
}
