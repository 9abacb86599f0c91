/**
 * @module Least-recently-used order kept as a doubly linked list through the entries themselves: moving an entry
 * to the recent end or taking the oldest is a few pointer writes, with no map re-insertion per use.
 */

export interface LruNode {
  older: LruNode | null
  newer: LruNode | null
}

export interface Lru<T extends LruNode> {
  /** Puts a new entry, or one just used, at the recent end. */
  use(node: T): void
  /** Removes and returns the least recently used entry. */
  takeOldest(): T | null
}

export function createLru<T extends LruNode>(): Lru<T> {
  let oldest: LruNode | null = null
  let newest: LruNode | null = null
  const unlink = (n: LruNode) => {
    if (n.older !== null) n.older.newer = n.newer
    else if (oldest === n) oldest = n.newer
    if (n.newer !== null) n.newer.older = n.older
    else if (newest === n) newest = n.older
    n.older = null
    n.newer = null
  }
  return {
    use(n) {
      if (newest === n) return
      unlink(n)
      n.older = newest
      if (newest !== null) newest.newer = n
      newest = n
      oldest ??= n
    },
    takeOldest() {
      const n = oldest
      if (n !== null) unlink(n)
      return n as T | null
    },
  }
}
