/**
 * @module The probe interface: `observe` looks once and reports what it saw — "down" is data, not a throw.
 * Pure conditions (conditions.ts) judge observations afterwards; run.ts adds timeout, retries and timing.
 */
import type { ProbeConfig } from '../config/schema.ts'

export interface Observation {
  /** Whether the probe's conditions held. */
  ok: boolean
  latencyMs: number
  /** One line a person reads: "200 in 41 ms", "connection refused", "feed says 1.4.1, deployed 1.4.2". */
  detail: string
  /** What was seen, for conditions and history (status, version, days left, …). JSON only. */
  values?: Record<string, unknown>
}

export interface ProbeContext {
  signal: AbortSignal
  now(): Date
  /** Directory of rina.yml: relative paths resolve against it. */
  configDir: string
  /** The release expected in place (electron-feed compares the feed's version with it). */
  release: string | null
  /** Time of the last heartbeat for a key (reported to `rina serve` over HTTP, kept in the store), or null. */
  heartbeat?(key: string): Promise<Date | null>
}

export interface ProbeResult extends Observation {
  service: string
  probe: string
  type: string
  /** ISO time the check started. */
  at: string
  attempts: number
}

export interface Probe<C extends ProbeConfig = ProbeConfig> {
  readonly type: C['type']
  observe(config: C, ctx: ProbeContext): Promise<Observation>
}
