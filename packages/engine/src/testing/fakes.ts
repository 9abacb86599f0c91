/** @module Test fakes: a settable clock and counting ids. Never behind environment variables. */
import type { Clock, IdSource } from '../clock.ts'

export class FakeClock implements Clock {
  private t: number
  constructor(start: string | number = '2026-01-05T10:00:00.000Z') {
    this.t = typeof start === 'number' ? start : Date.parse(start)
  }
  now(): Date {
    return new Date(this.t)
  }
  advance(ms: number): void {
    this.t += ms
  }
  set(at: string | number): void {
    this.t = typeof at === 'number' ? at : Date.parse(at)
  }
}

export function countingIds(prefix = 'id'): IdSource & { ids: () => string } {
  let n = 0
  const next = (p?: string) => `${p ?? prefix}_${String(++n).padStart(6, '0')}`
  return { next, ids: () => next() }
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
