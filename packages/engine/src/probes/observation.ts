/**
 * @module Small helpers the probes share to build observations: a monotonic stopwatch for latency, the failed
 * and aborted shapes, and a readable line for a network error ("connection refused (ECONNREFUSED)").
 */
import type { Observation } from './types.ts'

/** Starts timing; the returned function gives the milliseconds since, rounded to 0.1 ms. */
export function stopwatch(): () => number {
  const start = performance.now()
  return () => Math.round((performance.now() - start) * 10) / 10
}

export function failed(detail: string, latencyMs: number, values?: Record<string, unknown>): Observation {
  return values === undefined ? { ok: false, latencyMs, detail } : { ok: false, latencyMs, detail, values }
}

export const ABORTED = 'aborted'

export function aborted(latencyMs = 0): Observation {
  return { ok: false, latencyMs, detail: ABORTED }
}

const KNOWN: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host lookup failed',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  UND_ERR_SOCKET: 'connection closed by the other side',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no answer headers in time',
  CERT_HAS_EXPIRED: 'certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'certificate does not name this host',
}

/** One line for an error from fetch, net or tls: the cause's code in words, or its message. */
export function describeNetworkError(e: unknown): string {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e
  const code = (cause as { code?: unknown } | null)?.code
  if (typeof code === 'string') return KNOWN[code] ? describeErrorCode(code) : `${code}: ${messageOf(cause)}`
  return messageOf(cause)
}

/** An error code in words when it is a known one ("certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)"). */
export function describeErrorCode(code: string): string {
  return KNOWN[code] ? `${KNOWN[code]} (${code})` : code
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
