/** @module Parses an HTTP Retry-After value (delay in seconds, or an HTTP date) into milliseconds from now. */

/** Milliseconds to wait, or null when the header is absent or unreadable. A date in the past means 0. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (value === null || value === undefined) return null
  const v = value.trim()
  if (v === '') return null
  if (/^\d+$/.test(v)) return Number(v) * 1000
  // An HTTP date names its month (IMF-fixdate, RFC 850 or asctime); anything else is unreadable.
  if (!/[A-Za-z]{3}/.test(v)) return null
  const at = Date.parse(v)
  if (Number.isNaN(at)) return null
  return Math.max(0, at - now.getTime())
}
