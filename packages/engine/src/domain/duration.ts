/** @module Durations written as in config and flags: "500ms", "10s", "5m", "2h", "1d", or combined ("1h30m"). */

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
}
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g

/** Milliseconds, or null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const t = text.trim()
  if (!/^(\d+(?:\.\d+)?(ms|s|m|h|d|w))+$/.test(t)) return null
  let total = 0
  for (const m of t.matchAll(PART)) total += Number(m[1]) * UNIT_MS[m[2]!]!
  return total
}

export const DURATION_PATTERN = /^(\d+(?:\.\d+)?(ms|s|m|h|d|w))+$/

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const parts: string[] = []
  let rest = Math.round(ms / 1000)
  for (const [u, s] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= s) {
      parts.push(`${Math.floor(rest / s)}${u}`)
      rest %= s
    }
  }
  return parts.slice(0, 2).join('')
}
