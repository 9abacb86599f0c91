/** @module In-memory probe history: raw samples and 1-minute rollups, for tests and dry runs. */
import type { ProbeHistoryQuery, ProbeHistoryStore, ProbeRollup, ProbeSampleRecord } from '../types.ts'

const matches = (q: ProbeHistoryQuery, r: { env: string; service: string; probe: string }) =>
  r.env === q.env &&
  (q.service === undefined || r.service === q.service) &&
  (q.probe === undefined || r.probe === q.probe)

export function createMemoryProbes(): ProbeHistoryStore {
  let samples: ProbeSampleRecord[] = []
  const rollups = new Map<string, ProbeRollup>()
  const key = (r: ProbeRollup) => JSON.stringify([r.env, r.service, r.probe, r.minute])
  return {
    async record(list) {
      samples.push(...list.map((s) => ({ ...s })))
    },
    async samples(q) {
      return samples
        .filter((s) => matches(q, s) && s.at >= q.from && s.at < q.to)
        .sort((a, b) => a.at - b.at)
        .map((s) => ({ ...s }))
    },
    async putRollups(list) {
      for (const r of list) rollups.set(key(r), { ...r })
    },
    async rollups(q) {
      return [...rollups.values()]
        .filter((r) => matches(q, r) && r.minute >= q.from && r.minute < q.to)
        .sort(
          (a, b) =>
            a.minute - b.minute || a.service.localeCompare(b.service) || a.probe.localeCompare(b.probe),
        )
        .map((r) => ({ ...r }))
    },
    async latestRollup() {
      let latest: number | null = null
      for (const r of rollups.values()) if (latest === null || r.minute > latest) latest = r.minute
      return latest
    },
    async prune({ samplesBefore, rollupsBefore }) {
      const before = samples.length
      samples = samples.filter((s) => s.at >= samplesBefore)
      let dropped = 0
      for (const [k, r] of rollups) {
        if (r.minute < rollupsBefore) {
          rollups.delete(k)
          dropped++
        }
      }
      return { samples: before - samples.length, rollups: dropped }
    },
  }
}
