/**
 * @module Redacts secrets from example lines before they leave the analysis as evidence: credentials in
 * `key=value` / JSON / header form, bearer tokens, URL passwords, JWTs, private keys and well-known token shapes.
 */

export const REDACTED = '[REDACTED]'

const SECRET_KEY = String.raw`(?:pass(?:word|wd)?|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|auth(?:orization)?|credentials?|cookie|session(?:[_-]?id)?|private[_-]?key|client[_-]?secret|signature)`
const PATTERNS: readonly [RegExp, string][] = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g, REDACTED],
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
  // "password": "x"  /  password=x  /  token: x  (the key stays, the value goes)
  [
    new RegExp(
      String.raw`("?[\w.-]*${SECRET_KEY}[\w.-]*"?\s*[:=]\s*)("[^"]*"|'[^']*'|(?!Bearer |Basic |Token )[^\s,;&}]+)`,
      'gi',
    ),
    `$1${REDACTED}`,
  ],
  [/\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)[^\s@/]+@/gi, `$1${REDACTED}@`],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, REDACTED],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, REDACTED],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/g, REDACTED],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/g, REDACTED],
  [/\bsk-[A-Za-z0-9_-]{20,}/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, REDACTED],
]

/** The text with every recognised secret replaced by `[REDACTED]`. */
export function redact(text: string): string {
  let t = text
  for (const [re, by] of PATTERNS) t = t.replace(re, by)
  return t
}
