/** @module In-memory heartbeat store: the newest beat per key, for tests and dry runs. */
import type { HeartbeatRecord, HeartbeatStore } from '../types.ts'

const copy = (r: HeartbeatRecord): HeartbeatRecord => ({ ...r, at: new Date(r.at) })

export function createMemoryHeartbeats(): HeartbeatStore {
  const rows = new Map<string, HeartbeatRecord>()
  return {
    async beat(key, at, meta = {}) {
      const cur = rows.get(key)
      const fresh = {
        key,
        at: new Date(at),
        from: meta.from ?? null,
        release: meta.release ?? null,
        detail: meta.detail ?? null,
      }
      const next =
        cur && cur.at.getTime() > at.getTime()
          ? { ...cur, count: cur.count + 1 }
          : { ...fresh, count: (cur?.count ?? 0) + 1 }
      rows.set(key, next)
      return copy(next)
    },
    async last(key) {
      const r = rows.get(key)
      return r ? copy(r) : null
    },
    async list() {
      return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(copy)
    },
  }
}
