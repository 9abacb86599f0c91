/** @module Turns a gate denial into the error every face maps to "denied" (exit 3, HTTP 403/409). */
import { RinaError } from '../errors.ts'
import type { Decision } from '../gates/decision.ts'

export function enforce(decision: Decision, action: string): void {
  if (decision.allowed) return
  const first = decision.reasons[0]!
  throw new RinaError({
    code: first.code === 'ENV_FROZEN' ? 'ENV_FROZEN' : 'GATE_DENIED',
    message: `${action} denied: ${decision.reasons.map((r) => r.message).join('; ')}`,
    hint:
      decision.reasons
        .map((r) => r.hint)
        .filter(Boolean)
        .join('; ') || undefined,
    details: decision.reasons,
  })
}
