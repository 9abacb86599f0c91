/**
 * @module One error class for failures that cross a face (CLI, HTTP, VS Code), with a closed code union.
 * Expected outcomes (gate denials, probe observations, send outcomes) are values, not errors.
 */

export const ERROR_CODES = [
  'CONFIG_INVALID',
  'CONFIG_NOT_FOUND',
  'ENV_FROZEN',
  'LOCK_HELD',
  'APPROVAL_REQUIRED',
  'SELF_APPROVAL',
  'CONFIRMATION_REQUIRED',
  'GATE_DENIED',
  'PROBE_FAILED',
  'DEPLOY_FAILED',
  'NOT_FOUND',
  'USAGE',
  'JOURNAL_CONFLICT',
  'JOURNAL_CORRUPT',
  'NOTIFY_FAILED',
  'STORE_UNAVAILABLE',
  'VCS_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface RinaErrorInit {
  code: ErrorCode
  message: string
  hint?: string
  cause?: unknown
  /** Structured detail for faces that render it (e.g. gate reasons, config issues). */
  details?: unknown
}

export class RinaError extends Error {
  readonly code: ErrorCode
  readonly hint: string | undefined
  readonly details: unknown

  constructor(init: RinaErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause })
    this.name = 'RinaError'
    this.code = init.code
    this.hint = init.hint
    this.details = init.details
  }
}

/** Normalizes anything thrown into a RinaError; unknown throwables become INTERNAL (a bug). */
export function toRinaError(err: unknown): RinaError {
  if (err instanceof RinaError) return err
  if (err instanceof Error) {
    return new RinaError({ code: 'INTERNAL', message: err.message, cause: err })
  }
  return new RinaError({ code: 'INTERNAL', message: String(err) })
}

export function isRinaError(err: unknown, code?: ErrorCode): err is RinaError {
  return err instanceof RinaError && (code === undefined || err.code === code)
}
