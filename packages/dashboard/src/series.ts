/**
 * @module Chart data from health facts: probe samples (the health agent's history) and the probe summaries of
 * health checks and deploy gates, as per-service series of latency and failures on one shared time axis — the
 * aligned arrays uPlot draws (times in seconds; a gap where a service has no point at that time).
 */
import type { JournalEvent, ProbeSample, ProbeSummary } from './types.ts'

export interface Point {
  service: string
  /** Epoch seconds. */
  t: number
  latencyMs: number
  failures: number
}

export interface ChartData {
  services: string[]
  /** [times, ...one series per service]. */
  latency: (number | null)[][]
  failures: (number | null)[][]
}

/** One point per service per fact: the slowest probe's p50 latency and the failed checks of all its probes. */
export function pointsOf(
  env: string,
  events: readonly JournalEvent[],
  samples: readonly ProbeSample[],
): Point[] {
  const out: Point[] = []
  for (const e of events) {
    if (e.payload.env !== env) continue
    const probes = (e.payload.probes ?? []) as ProbeSummary[]
    const t = Math.floor(Date.parse(e.time) / 1000)
    const byService = new Map<string, Point>()
    for (const p of probes) {
      const cur = byService.get(p.service) ?? { service: p.service, t, latencyMs: 0, failures: 0 }
      cur.latencyMs = Math.max(cur.latencyMs, p.latencyMs.p50)
      cur.failures += p.failures
      byService.set(p.service, cur)
    }
    out.push(...byService.values())
  }
  for (const s of samples) {
    if (s.env !== env) continue
    out.push({
      service: s.service,
      t: Math.floor(s.at / 1000),
      latencyMs: s.latencyMs,
      failures: s.ok ? 0 : 1,
    })
  }
  return out
}

/** Aligns points on their distinct times; points of one service at one second are merged (max, sum). */
export function chartData(points: readonly Point[]): ChartData {
  const services = [...new Set(points.map((p) => p.service))].sort()
  const times = [...new Set(points.map((p) => p.t))].sort((a, b) => a - b)
  const at = new Map(times.map((t, i) => [t, i]))
  const latency = services.map(() => times.map((): number | null => null))
  const failures = services.map(() => times.map((): number | null => null))
  for (const p of points) {
    const s = services.indexOf(p.service)
    const i = at.get(p.t)!
    latency[s]![i] = Math.max(latency[s]![i] ?? 0, p.latencyMs)
    failures[s]![i] = (failures[s]![i] ?? 0) + p.failures
  }
  return { services, latency: [times, ...latency], failures: [times, ...failures] }
}
