/**
 * @module Probe history upkeep and reads over the ProbeHistoryStore: rolling closed minutes up, pruning past
 * retention, and window statistics read from raw samples while they are kept, else from rollups.
 */
import type { ProbeHistoryStore } from '../../store/types.ts'
import {
  MINUTE_MS,
  minuteOf,
  rollupMinutes,
  statsOfRollups,
  statsOfSamples,
  type WindowStats,
} from './rollup.ts'

export interface Retention {
  samplesMs: number
  rollupsMs: number
}

/**
 * Rolls up every whole minute in [from, to) for the environments, one minute at a time. Returns the minute it
 * reached (the next `from`). Rolling a minute up again replaces its rollups, so a repeat is harmless.
 */
export async function rollUp(
  store: ProbeHistoryStore,
  envs: readonly string[],
  from: number,
  to: number,
): Promise<number> {
  let m = minuteOf(from)
  const end = minuteOf(to)
  for (; m < end; m += MINUTE_MS) {
    for (const env of envs) {
      const rollups = rollupMinutes(await store.samples({ env, from: m, to: m + MINUTE_MS }))
      if (rollups.length) await store.putRollups(rollups)
    }
  }
  return m
}

export async function prune(store: ProbeHistoryStore, now: number, retention: Retention) {
  return store.prune({ samplesBefore: now - retention.samplesMs, rollupsBefore: now - retention.rollupsMs })
}

export interface StatsQuery {
  env: string
  service?: string
  probe?: string
  from: number
  to: number
}

/** Statistics of a window: exact from samples when they reach back far enough, else from rollups. */
export async function windowStats(
  store: ProbeHistoryStore,
  q: StatsQuery,
  now: number,
  retention: Retention,
): Promise<WindowStats> {
  if (q.from >= now - retention.samplesMs) return statsOfSamples(await store.samples(q))
  return statsOfRollups(await store.rollups({ ...q, from: minuteOf(q.from) }))
}
