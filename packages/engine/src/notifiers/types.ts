/**
 * @module The notifier interface: render is pure, send does one delivery and says whether a failure is worth
 * retrying. Retry, dedup, outbox and redaction are stages around send (dispatcher.ts), never notifier code.
 */
import type { NotifySeverity } from '../domain/severity.ts'

/** What is delivered: independent of the channel; each notifier renders it its own way. */
export interface Notification {
  id: string
  title: string
  text: string
  severity: NotifySeverity
  env: string | null
  /** Short key/value facts shown beside the text (release, service, who, …). */
  facts: { label: string; value: string }[]
  /** The next action a reader should take, e.g. a command to run. */
  nextAction: string | null
  /** Link to the dashboard or run, when one is known. */
  url: string | null
  /** ISO time the notification was requested. */
  time: string
  actor: string
}

export interface Message {
  /** Body to send (JSON for HTTP notifiers, text for console, mail fields for email). */
  body: unknown
  /** Plain-text rendering for logs and the console. */
  text: string
}

export interface SendContext {
  signal: AbortSignal
  idempotencyKey: string
  timeoutMs: number
  now: () => Date
}

export type SendOutcome =
  | { ok: true }
  | {
      ok: false
      retryable: boolean
      reason: 'client' | 'server' | 'network' | 'config' | 'rate-limited'
      detail: string
      /** Milliseconds the receiver asked us to wait (429 / Retry-After). */
      retryAfterMs?: number
    }

export interface Notifier {
  readonly type: string
  render(n: Notification): Message
  send(msg: Message, ctx: SendContext): Promise<SendOutcome>
}

/** What a factory may use besides its config; everything is optional so tests pass only what matters. */
export interface NotifierDeps {
  /** Environment variables the notifier reads (the console honours NO_COLOR). */
  env?: Readonly<Record<string, string | undefined>>
  /** Console output sink; defaults to the configured process stream. */
  write?: (text: string) => void
  /** Whether the console output is a terminal (colours only then); defaults to the stream's isTTY. */
  isTTY?: boolean
}

/** One per folder: builds a notifier from its parsed channel config. */
export type NotifierFactory<C> = (config: C, deps: NotifierDeps) => Notifier

/** A failed send outcome, for helpers that build one. */
export type SendFailure = Extract<SendOutcome, { ok: false }>
