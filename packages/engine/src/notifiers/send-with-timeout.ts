/**
 * @module The timeout stage around send: the notifier gets an abort signal, and the stage gives up itself if a
 * notifier ignores it. A throw (a notifier bug) also becomes a retryable outcome, so one item never stops a round.
 */
import type { Message, Notifier, SendOutcome } from './types.ts'

export interface TimedSend {
  idempotencyKey: string
  timeoutMs: number
  now: () => Date
  /** Outer cancellation (drain stopped). */
  signal?: AbortSignal
}

export async function sendWithTimeout(
  notifier: Notifier,
  msg: Message,
  opts: TimedSend,
): Promise<SendOutcome> {
  // A referenced timer (AbortSignal.timeout is unreferenced): a hanging send must not let the process idle out.
  const timeout = new AbortController()
  const timer = setTimeout(() => timeout.abort(), opts.timeoutMs)
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout.signal]) : timeout.signal
  let onAbort = () => {}
  const gaveUp = new Promise<SendOutcome>((resolve) => {
    onAbort = () =>
      resolve({
        ok: false,
        retryable: true,
        reason: 'network',
        detail: opts.signal?.aborted
          ? 'aborted before the receiver answered'
          : `timed out after ${opts.timeoutMs}ms`,
      })
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    const ctx = { signal, idempotencyKey: opts.idempotencyKey, timeoutMs: opts.timeoutMs, now: opts.now }
    return await Promise.race([notifier.send(msg, ctx), gaveUp])
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      retryable: true,
      reason: 'network',
      detail: `the ${notifier.type} notifier threw: ${detail}`,
    }
  } finally {
    clearTimeout(timer)
    signal.removeEventListener('abort', onAbort)
  }
}
