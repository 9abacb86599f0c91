/**
 * @module The redact stage: known secret values and secret-looking text never leave in a payload or an error
 * string. Runs on the notification before render and on every failure detail before it is stored or reported.
 */
import { isSecretKey, REDACTED, redact } from '../domain/redact.ts'
import type { Notification } from './types.ts'

/** Token shapes that are secrets whoever wrote them, replaced whole. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /\bxox[abeprs]-[A-Za-z0-9-]{10,}/g,
  /\bgh[pousr]_[A-Za-z0-9]{20,}/g,
  /\bgithub_pat_[A-Za-z0-9_]{20,}/g,
  /\bAKIA[0-9A-Z]{16}\b/g,
  /\bsk-[A-Za-z0-9_-]{20,}/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
]

/** Secret-looking fields inside text: the label stays, the value goes. */
const FIELD_PATTERNS: readonly [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  [/(\/\/[^/\s:@]+:)[^@\s/]+@/g, `$1${REDACTED}@`],
  [/(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9/_-]+/g, `$1${REDACTED}`],
  [/\b((?:pass(?:word)?|passwd|secret|token|api[-_]?key|sig)\s*[=:]\s*"?)[^\s"&,;]+/gi, `$1${REDACTED}`],
]

/** Replaces known secrets (also URL-encoded) and secret-looking tokens and fields in one string. */
export function redactString(text: string, secrets: readonly string[]): string {
  let out = text
  const known = secrets
    .filter((s) => s.length >= 4)
    .flatMap((s) => [s, encodeURIComponent(s)])
    .sort((a, b) => b.length - a.length)
  for (const s of known) if (out.includes(s)) out = out.split(s).join(REDACTED)
  for (const p of TOKEN_PATTERNS) out = out.replace(p, REDACTED)
  for (const [p, to] of FIELD_PATTERNS) out = out.replace(p, to)
  return out
}

/** A copy of the notification that is safe to render: facts under secret-looking labels lose their value. */
export function redactNotification(n: Notification, secrets: readonly string[]): Notification {
  const copy = redact(n, secrets)
  const text = (s: string) => redactString(s, secrets)
  const opt = (s: string | null) => (s === null ? null : text(s))
  return {
    ...copy,
    title: text(copy.title),
    text: text(copy.text),
    env: opt(copy.env),
    nextAction: opt(copy.nextAction),
    url: opt(copy.url),
    actor: text(copy.actor),
    facts: copy.facts.map((f) => ({
      label: text(f.label),
      value: isSecretKey(f.label.replace(/\s+/g, '_')) ? REDACTED : text(f.value),
    })),
  }
}
