/**
 * @module One HTTP POST for the HTTP notifiers (Slack, Teams, webhook), through global fetch with an abort
 * timeout. Never throws: the receiver's answer becomes a SendOutcome that says whether to retry.
 */
import { redactString } from './redact.ts'
import { parseRetryAfter } from './retry-after.ts'
import type { SendContext, SendFailure, SendOutcome } from './types.ts'

export interface PostRequest {
  url: string
  body: string
  headers: Record<string, string>
  /** The channel's own timeout; the shorter of it and ctx.timeoutMs applies. */
  timeoutMs: number
  /** Values scrubbed from every failure detail (the URL token, the signing secret). */
  secrets: readonly string[]
}

const SNIPPET = 200

/** Maps an HTTP status to an outcome: 2xx delivered; 408, 429 and 5xx retryable; other 4xx not. */
export function classifyStatus(
  status: number,
  retryAfter: string | null,
  now: Date,
  snippet = '',
): SendOutcome {
  if (status >= 200 && status < 300) return { ok: true }
  const detail = `HTTP ${status}${snippet ? `: ${snippet}` : ''}`
  const wait = parseRetryAfter(retryAfter, now)
  const withWait = (o: SendFailure): SendFailure => (wait === null ? o : { ...o, retryAfterMs: wait })
  if (status === 429) return withWait({ ok: false, retryable: true, reason: 'rate-limited', detail })
  if (status === 408) return { ok: false, retryable: true, reason: 'network', detail }
  if (status >= 500) return withWait({ ok: false, retryable: true, reason: 'server', detail })
  if (status >= 300 && status < 400) return { ok: false, retryable: false, reason: 'config', detail }
  return { ok: false, retryable: false, reason: 'client', detail }
}

export async function postJson(req: PostRequest, ctx: SendContext): Promise<SendOutcome> {
  const timeoutMs = Math.max(1, Math.min(req.timeoutMs, ctx.timeoutMs))
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)])
  const scrub = (o: SendOutcome): SendOutcome =>
    o.ok ? o : { ...o, detail: redactString(o.detail, req.secrets) }
  try {
    const res = await fetch(req.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...req.headers },
      body: req.body,
      signal,
      redirect: 'manual',
    })
    const text = res.ok ? '' : await readSnippet(res)
    if (res.ok) await res.body?.cancel().catch(() => {})
    return scrub(classifyStatus(res.status, res.headers.get('retry-after'), ctx.now(), text))
  } catch (e) {
    return scrub(networkFailure(e, signal, ctx.signal, timeoutMs))
  }
}

async function readSnippet(res: Response): Promise<string> {
  try {
    const t = await res.text()
    return t.replace(/\s+/g, ' ').trim().slice(0, SNIPPET)
  } catch {
    return ''
  }
}

/** A fetch that threw: refused, reset, DNS, timeout or aborted by the caller; always worth retrying. */
export function networkFailure(
  e: unknown,
  signal: AbortSignal,
  outer: AbortSignal,
  timeoutMs: number,
): SendFailure {
  if (outer.aborted)
    return { ok: false, retryable: true, reason: 'network', detail: 'aborted before the receiver answered' }
  if (signal.aborted)
    return { ok: false, retryable: true, reason: 'network', detail: `timed out after ${timeoutMs}ms` }
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e
  const code = (cause as { code?: unknown } | null)?.code
  const msg = cause instanceof Error ? cause.message : String(cause)
  return {
    ok: false,
    retryable: true,
    reason: 'network',
    detail: typeof code === 'string' ? `${code}: ${msg}` : msg,
  }
}
