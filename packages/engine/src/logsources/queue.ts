/**
 * @module A bounded queue between a producer that must never wait (a command's output, an HTTP sender) and a
 * slower reader. Below capacity every item is kept. At capacity the oldest item makes room and the queue starts
 * sampling: it keeps every k-th arrival, doubling k each time a kept sample still finds the queue full, and
 * halving it again once the reader has caught up. Everything dropped is counted, so the reader can say so.
 */
import type { SourceLoad } from './types.ts'

export interface QueueOptions {
  /** Items held at most. */
  capacity: number
  /** Largest k (keep one arrival in k). Default 1024. */
  maxSampleEvery?: number
}

export interface BoundedQueue<T> {
  /** Adds an item without ever waiting; false when sampling (or a closed queue) dropped it. */
  push(item: T): boolean
  /** Free places before the queue is full. */
  room(): number
  /** The oldest item, waiting for one; null once the queue is closed and empty, or when `signal` aborts. */
  take(signal?: AbortSignal): Promise<T | null>
  /** Items until the queue is closed and empty or `signal` aborts. */
  items(signal?: AbortSignal): AsyncGenerator<T>
  /** No more items will come; readers finish what is queued. */
  close(): void
  readonly closed: boolean
  load(): SourceLoad
}

export function createBoundedQueue<T>(options: QueueOptions): BoundedQueue<T> {
  const capacity = Math.max(1, Math.floor(options.capacity))
  const maxEvery = Math.max(1, options.maxSampleEvery ?? 1024)
  const ring: (T | undefined)[] = new Array(capacity)
  let head = 0
  let size = 0
  let every = 1
  let arrivals = 0
  let dropped = 0
  let closed = false
  const waiters = new Set<() => void>()

  const wake = () => {
    for (const w of waiters) w()
    waiters.clear()
  }
  const shift = (): T => {
    const item = ring[head] as T
    ring[head] = undefined
    head = (head + 1) % capacity
    size--
    return item
  }

  const queue: BoundedQueue<T> = {
    push(item) {
      if (closed) return false
      if (every > 1 && size < capacity / 2) every = Math.max(1, every / 2)
      if (every > 1 && ++arrivals % every !== 0) {
        dropped++
        return false
      }
      if (size === capacity) {
        shift()
        dropped++
        every = Math.min(maxEvery, every * 2)
        arrivals = 0
      }
      ring[(head + size) % capacity] = item
      size++
      wake()
      return true
    },
    room: () => capacity - size,
    async take(signal) {
      for (;;) {
        if (size > 0) return shift()
        if (closed || signal?.aborted) return null
        await new Promise<void>((resolve) => {
          const done = () => {
            signal?.removeEventListener('abort', done)
            waiters.delete(done)
            resolve()
          }
          waiters.add(done)
          signal?.addEventListener('abort', done, { once: true })
        })
      }
    },
    async *items(signal) {
      for (;;) {
        const item = await queue.take(signal)
        if (item === null || signal?.aborted) return
        yield item
      }
    },
    close() {
      closed = true
      wake()
    },
    get closed() {
      return closed
    },
    load: () => ({ queued: size, dropped, sampledEvery: every }),
  }
  return queue
}
