/**
 * @module Fault switches of a fleet service: error rate, added latency, crash, stale feed, stalled worker.
 * They start from release.json (faults baked into a release) and change at run time through POST /__fault.
 */

const KNOWN = ['errorRate', 'latencyMs', 'crash', 'staleFeed', 'stall']

/** Keeps known fields with sane values; anything else is dropped. */
export function normalizeFaults(input) {
  const f = input && typeof input === 'object' ? input : {}
  const out = {}
  const rate = Number(f.errorRate)
  if (Number.isFinite(rate) && rate > 0) out.errorRate = Math.min(1, rate)
  const latency = Number(f.latencyMs)
  if (Number.isFinite(latency) && latency > 0) out.latencyMs = Math.min(60_000, Math.round(latency))
  for (const flag of ['crash', 'staleFeed', 'stall']) if (f[flag] === true) out[flag] = true
  return out
}

export function unknownFaultFields(input) {
  return input && typeof input === 'object' ? Object.keys(input).filter((k) => !KNOWN.includes(k)) : []
}

/**
 * The live fault state. Errors are spread evenly and deterministically: with errorRate r, exactly
 * floor(n·r) of the first n requests to a route fail, so tests and demos see the configured rate.
 */
export function createFaults(initial) {
  let faults = normalizeFaults(initial)
  let counters = new Map()
  return {
    get: () => ({ ...faults }),
    set(next) {
      faults = normalizeFaults(next)
      counters = new Map()
      return { ...faults }
    },
    /** Whether this request to `route` fails under the current error rate. */
    shouldFail(route) {
      const rate = faults.errorRate ?? 0
      if (rate <= 0) return false
      const n = counters.get(route) ?? 0
      counters.set(route, n + 1)
      return Math.floor((n + 1) * rate + 1e-9) > Math.floor(n * rate + 1e-9)
    },
    /** Waits the injected latency (none by default). */
    delay() {
      const ms = faults.latencyMs ?? 0
      return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
    },
  }
}
