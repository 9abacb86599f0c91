/** @module Redaction of secret values: the evidence a person sees never contains the secret itself. */

/** Keeps a short prefix that identifies the kind of token and hides the rest. */
export function redactValue(v: string): string {
  const keep = Math.min(4, Math.floor(v.length / 4))
  return `${v.slice(0, keep)}${'*'.repeat(Math.min(8, Math.max(3, v.length - keep)))} (${v.length} chars)`
}

/** The line with every given value replaced by its redacted form, shortened for display. */
export function redactLine(line: string, values: string[], max = 160): string {
  let out = line
  for (const v of values) if (v.length > 0) out = out.split(v).join(redactValue(v))
  out = out.trim()
  return out.length > max ? `${out.slice(0, max - 1)}…` : out
}
