/**
 * @module A bounded map of recent entries in two generations: writes go to the young one; when it holds half the
 * limit it becomes the old one and the previous old one is dropped whole. A hit in the old generation moves the
 * entry back to the young one, so entries in use survive. No per-entry bookkeeping, at most `limit` entries.
 */

export interface Recent<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): void
  readonly size: number
}

export function createRecent<K, V>(limit: number): Recent<K, V> {
  const half = Math.max(1, Math.floor(limit / 2))
  let young = new Map<K, V>()
  let old = new Map<K, V>()
  const set = (key: K, value: V) => {
    if (young.size >= half) {
      old = young
      young = new Map()
    }
    young.set(key, value)
  }
  return {
    get(key) {
      const v = young.get(key)
      if (v !== undefined || limit <= 0) return v
      const o = old.get(key)
      if (o !== undefined) {
        old.delete(key)
        set(key, o)
      }
      return o
    },
    set(key, value) {
      if (limit > 0) set(key, value)
    },
    get size() {
      return young.size + old.size
    },
  }
}
