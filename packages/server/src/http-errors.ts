/**
 * @module The one table from error codes to HTTP status, and the error body every route answers with:
 * `{ error: { code, message, hint, details } }`. Unknown throwables become INTERNAL (500, "this is a bug").
 */
import type { ErrorCode } from '@rinawarp/engine'
import { toRinaError } from '@rinawarp/engine'

export const HTTP_STATUS = {
  CONFIG_INVALID: 400,
  CONFIG_NOT_FOUND: 400,
  USAGE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  GATE_DENIED: 403,
  APPROVAL_REQUIRED: 403,
  SELF_APPROVAL: 403,
  CONFIRMATION_REQUIRED: 403,
  NOT_FOUND: 404,
  ENV_FROZEN: 409,
  LOCK_HELD: 409,
  JOURNAL_CONFLICT: 409,
  PROBE_FAILED: 502,
  DEPLOY_FAILED: 502,
  NOTIFY_FAILED: 502,
  VCS_FAILED: 500,
  JOURNAL_CORRUPT: 500,
  INTERNAL: 500,
  STORE_UNAVAILABLE: 503,
} as const satisfies Record<ErrorCode, number>

export type HttpErrorStatus = (typeof HTTP_STATUS)[ErrorCode]

export interface ErrorBody {
  error: { code: ErrorCode; message: string; hint: string | null; details: unknown }
}

export function errorResponse(err: unknown): { status: HttpErrorStatus; body: ErrorBody } {
  const e = toRinaError(err)
  const internal = e.code === 'INTERNAL'
  return {
    status: HTTP_STATUS[e.code],
    body: {
      error: {
        code: e.code,
        // An internal error's own text may name paths or values; the log has it, the client gets a reference.
        message: internal ? 'internal error: this is a bug, please report it with the server log' : e.message,
        hint: e.hint ?? null,
        details: internal ? null : (e.details ?? null),
      },
    },
  }
}
