/**
 * @module Probe history arithmetic, pure: latency percentiles (nearest rank), 1-minute rollups of raw samples,
 * and window statistics (success rate, uptime %, percentiles) from samples or from rollups. Success rate counts
 * checks; uptime counts minutes, a minute being up when at most half its checks failed.
 */
import type { ProbeRollup, ProbeSampleRecord } from '../../store/types.ts'

export const MINUTE_MS = 60_000

/** Nearest-rank percentile of ascending values; 0 for none. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export const minuteOf = (at: number): number => Math.floor(at / MINUTE_MS) * MINUTE_MS

/** One rollup per probe and minute, in minute then probe order. */
export function rollupMinutes(samples: readonly ProbeSampleRecord[]): ProbeRollup[] {
  const groups = new Map<string, ProbeSampleRecord[]>()
  for (const s of samples) {
    const k = JSON.stringify([minuteOf(s.at), s.env, s.service, s.probe])
    const g = groups.get(k)
    if (g) g.push(s)
    else groups.set(k, [s])
  }
  return [...groups.values()]
    .map((g) => {
      const first = g[0]!
      const latencies = g.map((s) => s.latencyMs).sort((a, b) => a - b)
      return {
        env: first.env,
        service: first.service,
        probe: first.probe,
        minute: minuteOf(first.at),
        count: g.length,
        failures: g.filter((s) => !s.ok).length,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
      }
    })
    .sort(
      (a, b) =>
        a.minute - b.minute ||
        a.env.localeCompare(b.env) ||
        a.service.localeCompare(b.service) ||
        a.probe.localeCompare(b.probe),
    )
}

export interface WindowStats {
  checks: number
  failures: number
  /** Passed checks over checks (0..1); null without checks. */
  successRate: number | null
  /** Minutes up over minutes observed, in percent; null without checks. */
  uptimePct: number | null
  latencyMs: { p50: number; p95: number; p99: number }
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits

/** Exact statistics from raw samples. */
export function statsOfSamples(samples: readonly ProbeSampleRecord[]): WindowStats {
  return statsOfRollups(
    rollupMinutes(samples),
    samples.map((s) => s.latencyMs),
  )
}

/**
 * Statistics from rollups. Without the raw latencies, each percentile is the check-weighted mean of the
 * minutes' percentiles (an estimate, exact when every minute looks alike).
 */
export function statsOfRollups(rollups: readonly ProbeRollup[], raw?: readonly number[]): WindowStats {
  const checks = rollups.reduce((n, r) => n + r.count, 0)
  const failures = rollups.reduce((n, r) => n + r.failures, 0)
  if (checks === 0) {
    return { checks, failures, successRate: null, uptimePct: null, latencyMs: { p50: 0, p95: 0, p99: 0 } }
  }
  const minutes = new Map<number, { count: number; failures: number }>()
  for (const r of rollups) {
    const m = minutes.get(r.minute) ?? { count: 0, failures: 0 }
    m.count += r.count
    m.failures += r.failures
    minutes.set(r.minute, m)
  }
  const up = [...minutes.values()].filter((m) => m.failures * 2 <= m.count).length
  const weighted = (pick: (r: ProbeRollup) => number) =>
    round(rollups.reduce((sum, r) => sum + pick(r) * r.count, 0) / checks, 1)
  const sorted = raw ? [...raw].sort((a, b) => a - b) : null
  return {
    checks,
    failures,
    successRate: round((checks - failures) / checks, 4),
    uptimePct: round((up / minutes.size) * 100, 2),
    latencyMs: sorted
      ? { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) }
      : { p50: weighted((r) => r.p50), p95: weighted((r) => r.p95), p99: weighted((r) => r.p99) },
  }
}
