/**
 * @module Redaction of secrets from anything that leaves the process: known secret values (resolved from
 * ${ENV_VAR}s in config) and values under secret-looking keys.
 */

export const REDACTED = '[REDACTED]'

const SECRET_KEY =
  /(pass(word)?|secret|token|api[-_]?key|private[-_]?key|authorization|credential|webhook[-_]?url)$/i

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key)
}

/** Replaces every known secret value inside a string. Short values (< 4 chars) are ignored to avoid noise. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
  for (const s of secrets) {
    if (s.length < 4) continue
    if (out.includes(s)) out = out.split(s).join(REDACTED)
  }
  return out
}

/** Deep copy with secrets replaced: known values anywhere, and whole values under secret-looking keys. */
export function redact<T>(value: T, secrets: readonly string[]): T {
  return walk(value, secrets, null) as T
}

function walk(v: unknown, secrets: readonly string[], key: string | null): unknown {
  if (typeof v === 'string')
    return key !== null && isSecretKey(key) && v !== '' ? REDACTED : redactText(v, secrets)
  if (Array.isArray(v)) return v.map((x) => walk(x, secrets, null))
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, secrets, k)
    return out
  }
  return v
}
