/**
 * @module Maps a nodemailer failure to a SendOutcome: SMTP 4xx replies are temporary (retry), 5xx permanent;
 * connection, socket and DNS failures are network errors worth retrying.
 */
import type { SendFailure } from '../types.ts'

const PERMANENT_CODES: Record<string, SendFailure['reason']> = {
  EAUTH: 'config',
  EENVELOPE: 'client',
  EMESSAGE: 'client',
}

export function smtpFailure(e: unknown): SendFailure {
  const err = (e ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown }
  const code = typeof err.code === 'string' ? err.code : null
  const rc = typeof err.responseCode === 'number' ? err.responseCode : null
  const said =
    typeof err.response === 'string'
      ? err.response
      : typeof err.message === 'string'
        ? err.message
        : String(e)
  const detail = `${rc !== null ? `SMTP ${rc}` : (code ?? 'SMTP')}: ${said.replace(/\s+/g, ' ').trim().slice(0, 200)}`
  if (rc !== null && rc >= 400 && rc < 500) return { ok: false, retryable: true, reason: 'server', detail }
  if (code === 'EAUTH') return { ok: false, retryable: false, reason: 'config', detail }
  if (rc !== null && rc >= 500) return { ok: false, retryable: false, reason: 'client', detail }
  if (code !== null && code in PERMANENT_CODES) {
    return { ok: false, retryable: false, reason: PERMANENT_CODES[code]!, detail }
  }
  return { ok: false, retryable: true, reason: 'network', detail }
}
