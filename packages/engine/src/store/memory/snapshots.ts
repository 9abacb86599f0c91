/** @module In-memory snapshot store: one snapshot per name, for tests and dry runs. */
import type { SnapshotRecord, SnapshotStore } from '../types.ts'

export function createMemorySnapshots(): SnapshotStore {
  const rows = new Map<string, SnapshotRecord>()
  return {
    async get(name) {
      const r = rows.get(name)
      return r ? { ...r } : null
    },
    async put(record) {
      rows.set(record.name, { ...record })
    },
  }
}
