/** @module Reason gate: actions that change production posture need a written reason. */
import type { Decision } from './decision.ts'
import { allow, deny } from './decision.ts'

export function reasonGate(reason: string | null | undefined, action: string): Decision {
  if (reason && reason.trim().length >= 3) return allow
  return deny({
    gate: 'reason',
    code: 'REASON_REQUIRED',
    message: `${action} needs a reason`,
    hint: 'pass --reason "why" (at least 3 characters)',
  })
}
