/** @module The one table from error codes to exit codes. 0 ok, 1 failure, 2 usage, 3 denied by a gate. */
import type { ErrorCode } from '@rinawarp/engine'

export const EXIT = { ok: 0, failure: 1, usage: 2, denied: 3 } as const

const DENIED: readonly ErrorCode[] = [
  'ENV_FROZEN',
  'GATE_DENIED',
  'LOCK_HELD',
  'APPROVAL_REQUIRED',
  'SELF_APPROVAL',
  'CONFIRMATION_REQUIRED',
]

export function exitCodeFor(code: ErrorCode): number {
  if (code === 'USAGE') return EXIT.usage
  if (DENIED.includes(code)) return EXIT.denied
  return EXIT.failure
}
