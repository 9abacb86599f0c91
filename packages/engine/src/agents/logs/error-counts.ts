/**
 * @module Error lines per template, environment and minute, kept for a bounded span: what deploy verification
 * compares before and after a release.
 */
import { minuteOf } from '../health/rollup.ts'

export interface TemplateCount {
  key: string
  template: string
  count: number
}

export interface ErrorCounts {
  add(env: string, at: number, key: string, template: string): void
  /** Error lines per template in the minutes from `from`'s to before `to`, most frequent first. */
  between(env: string, from: number, to: number): TemplateCount[]
}

export function createErrorCounts(keepMs = 3 * 3_600_000): ErrorCounts {
  /** env → minute → key → count */
  const byEnv = new Map<string, Map<number, Map<string, TemplateCount>>>()
  return {
    add(env, at, key, template) {
      let minutes = byEnv.get(env)
      if (!minutes) byEnv.set(env, (minutes = new Map()))
      const m = minuteOf(at)
      let bucket = minutes.get(m)
      if (!bucket) {
        minutes.set(m, (bucket = new Map()))
        for (const old of minutes.keys()) if (old < m - keepMs) minutes.delete(old)
      }
      const c = bucket.get(key)
      if (c) {
        c.count++
        c.template = template
      } else bucket.set(key, { key, template, count: 1 })
    },
    between(env, from, to) {
      const out = new Map<string, TemplateCount>()
      for (const [m, bucket] of byEnv.get(env) ?? []) {
        if (m < minuteOf(from) || m >= to) continue
        for (const c of bucket.values()) {
          const o = out.get(c.key)
          if (o) o.count += c.count
          else out.set(c.key, { ...c })
        }
      }
      return [...out.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    },
  }
}
