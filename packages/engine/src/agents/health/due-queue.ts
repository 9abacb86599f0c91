/**
 * @module Probes ordered by due time, pure: a binary min-heap (ties by key, so the order is stable), so taking the
 * next due probe costs O(log n) rather than sorting every probe each time a slot frees up.
 */

export interface DueEntry {
  key: string
  due: number
}

const before = (a: DueEntry, b: DueEntry) => a.due < b.due || (a.due === b.due && a.key < b.key)

export class DueQueue {
  readonly #heap: DueEntry[] = []

  get size(): number {
    return this.#heap.length
  }

  peek(): DueEntry | undefined {
    return this.#heap[0]
  }

  push(e: DueEntry): void {
    const h = this.#heap
    h.push(e)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(h[i]!, h[parent]!)) break
      ;[h[i], h[parent]] = [h[parent]!, h[i]!]
      i = parent
    }
  }

  pop(): DueEntry | undefined {
    const h = this.#heap
    const top = h[0]
    const last = h.pop()
    if (top === undefined || last === undefined || h.length === 0) return top
    h[0] = last
    let i = 0
    for (;;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < h.length && before(h[l]!, h[m]!)) m = l
      if (r < h.length && before(h[r]!, h[m]!)) m = r
      if (m === i) return top
      ;[h[i], h[m]] = [h[m]!, h[i]!]
      i = m
    }
  }
}
