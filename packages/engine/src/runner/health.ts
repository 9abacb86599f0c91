/**
 * @module Runs probes for the health gate (until every probe passed N times, or the window closes) and for the
 * soak (every probe, at an interval, for the soak window). The pure decisions live in gates/health.ts.
 */
import type { ProbeConfig } from '../config/schema.ts'
import { parseDuration } from '../domain/duration.ts'
import type { ProbeSample } from '../gates/health.ts'
import { gatePending } from '../gates/health.ts'
import { probeFor } from '../probes/registry.ts'
import { runProbe } from '../probes/run.ts'
import type { ProbeContext, ProbeResult } from '../probes/types.ts'

export interface ProbeTarget {
  service: string
  config: ProbeConfig
}

export interface HealthRunOptions {
  ctx: Omit<ProbeContext, 'signal'>
  signal: AbortSignal
  onResult?(r: ProbeResult): void
  sleep?(ms: number, signal: AbortSignal): Promise<void>
}

export const toSample = (r: ProbeResult): ProbeSample => ({
  service: r.service,
  probe: r.probe,
  type: r.type,
  ok: r.ok,
  latencyMs: r.latencyMs,
  detail: r.detail,
})

/** One round: every probe once, concurrently. */
export async function probeOnce(
  targets: readonly ProbeTarget[],
  o: HealthRunOptions,
): Promise<ProbeResult[]> {
  const results = await Promise.all(
    targets.map((t) => runProbe(t.service, t.config, probeFor(t.config), { ...o.ctx, signal: o.signal })),
  )
  for (const r of results) o.onResult?.(r)
  return results
}

/** Probes until each passed `passes` times or `withinMs` passed; returns every sample taken. */
export async function runHealthGate(
  targets: readonly ProbeTarget[],
  gate: { passes: number; withinMs: number },
  o: HealthRunOptions,
): Promise<ProbeSample[]> {
  const samples: ProbeSample[] = []
  const deadline = o.ctx.now().getTime() + gate.withinMs
  const interval = gateInterval(targets, gate)
  let pending = [...targets]
  while (pending.length > 0 && !o.signal.aborted) {
    const round = await probeOnce(pending, o)
    samples.push(...round.map(toSample))
    const left = gatePending(targets.map(key), samples, gate.passes)
    pending = targets.filter((t) => left.some((l) => l.service === t.service && l.probe === t.config.name))
    if (pending.length === 0 || o.ctx.now().getTime() + interval > deadline) break
    await (o.sleep ?? sleep)(interval, o.signal)
  }
  return samples
}

/** Watches every probe at an interval for `soakMs`. */
export async function runSoak(
  targets: readonly ProbeTarget[],
  soakMs: number,
  o: HealthRunOptions,
): Promise<ProbeSample[]> {
  const samples: ProbeSample[] = []
  if (targets.length === 0 || soakMs <= 0) return samples
  const end = o.ctx.now().getTime() + soakMs
  const interval = Math.max(
    250,
    Math.min(5_000, Math.floor(soakMs / 4), ...targets.map((t) => intervalOf(t.config))),
  )
  while (!o.signal.aborted) {
    samples.push(...(await probeOnce(targets, o)).map(toSample))
    if (o.ctx.now().getTime() + interval > end) break
    await (o.sleep ?? sleep)(interval, o.signal)
  }
  return samples
}

const key = (t: ProbeTarget) => ({ service: t.service, probe: t.config.name })
const intervalOf = (p: ProbeConfig) => parseDuration(p.interval) ?? 10_000

/** Often enough to collect N passes well inside the window; never hammering the service. */
function gateInterval(targets: readonly ProbeTarget[], gate: { passes: number; withinMs: number }): number {
  const fit = Math.floor(gate.withinMs / (gate.passes * 3))
  return Math.max(250, Math.min(fit, 5_000, ...targets.map((t) => intervalOf(t.config))))
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(t)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const t = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}
