/**
 * @module Runs probes the way every caller needs: each attempt gets `config.timeout` (an abort signal combined
 * with ctx.signal, and a give-up of its own if a probe ignores it), up to `config.retries` more attempts until
 * one passes, latency and start time recorded. Never throws: an unexpected exception is an ok:false result.
 */
import type { ProbeConfig } from '../config/schema.ts'
import { parseDuration } from '../domain/duration.ts'
import { ABORTED, aborted, failed, stopwatch } from './observation.ts'
import { probeFor } from './registry.ts'
import type { Observation, Probe, ProbeContext, ProbeResult } from './types.ts'

const DEFAULT_TIMEOUT_MS = 5000

export async function runProbe(
  service: string,
  config: ProbeConfig,
  probe: Probe,
  ctx: ProbeContext,
): Promise<ProbeResult> {
  const at = ctx.now().toISOString()
  const timeoutMs = parseDuration(config.timeout) ?? DEFAULT_TIMEOUT_MS
  const allowed = 1 + Math.max(0, config.retries ?? 0)
  let attempts = 0
  let last: Observation = aborted()
  while (attempts < allowed && !(attempts > 0 && ctx.signal.aborted)) {
    attempts++
    last = await attempt(config, probe, ctx, timeoutMs)
    if (last.ok || ctx.signal.aborted) break
  }
  return { ...last, service, probe: config.name, type: config.type, at, attempts }
}

export interface RunProbesOptions {
  /** How many probes run at once (default 4). */
  concurrency?: number
  /** Where each config's probe comes from (default: the registry). */
  probeFor?: (config: ProbeConfig) => Probe
}

/** Runs a service's probes, at most `concurrency` at a time; results come back in the order of `configs`. */
export async function runProbes(
  service: string,
  configs: readonly ProbeConfig[],
  ctx: ProbeContext,
  opts: RunProbesOptions = {},
): Promise<ProbeResult[]> {
  const lookup = opts.probeFor ?? probeFor
  const results: ProbeResult[] = new Array(configs.length)
  let next = 0
  const worker = async () => {
    while (next < configs.length) {
      const i = next++
      const config = configs[i]!
      const probe = safeLookup(lookup, config)
      results[i] = probe
        ? await runProbe(service, config, probe, ctx)
        : {
            ...failed(`no probe of type "${config.type}"`, 0),
            service,
            probe: config.name,
            type: config.type,
            at: ctx.now().toISOString(),
            attempts: 0,
          }
    }
  }
  const width = Math.min(Math.max(1, opts.concurrency ?? 4), configs.length)
  await Promise.all(Array.from({ length: width }, worker))
  return results
}

/** One attempt under its own timeout; whatever happens becomes an observation. */
async function attempt(
  config: ProbeConfig,
  probe: Probe,
  ctx: ProbeContext,
  timeoutMs: number,
): Promise<Observation> {
  // A referenced timer (AbortSignal.timeout is not): a hanging probe must not let the process idle out.
  const timer = new AbortController()
  const handle = setTimeout(() => timer.abort(), timeoutMs)
  const signal = AbortSignal.any([ctx.signal, timer.signal])
  const elapsed = stopwatch()
  const stopped = (): Observation =>
    ctx.signal.aborted ? aborted(elapsed()) : failed(`timed out after ${config.timeout}`, elapsed())
  let onAbort = () => {}
  const gaveUp = new Promise<Observation>((resolve) => {
    onAbort = () => resolve(stopped())
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    const seen = await Promise.race([probe.observe(config, { ...ctx, signal }), gaveUp])
    if (seen === null || typeof seen !== 'object' || typeof seen.ok !== 'boolean') {
      return failed(`the ${config.type} probe returned no observation`, elapsed())
    }
    if (!seen.ok && seen.detail === ABORTED && signal.aborted) return stopped()
    const latencyMs = Number.isFinite(seen.latencyMs) && seen.latencyMs >= 0 ? seen.latencyMs : elapsed()
    return { ...seen, latencyMs }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    return failed(`the ${config.type} probe failed unexpectedly: ${message}`, elapsed())
  } finally {
    clearTimeout(handle)
    signal.removeEventListener('abort', onAbort)
  }
}

function safeLookup(lookup: (c: ProbeConfig) => Probe, config: ProbeConfig): Probe | undefined {
  try {
    return lookup(config)
  } catch {
    return undefined
  }
}
