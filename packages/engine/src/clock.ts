/** @module Injected time and ids: production code never reads Date.now() or Math.random() directly. */
import { randomUUID } from 'node:crypto'

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export interface IdSource {
  next(prefix?: string): string
}

export const randomIds: IdSource = {
  next: (prefix) => (prefix ? `${prefix}_${randomUUID()}` : randomUUID()),
}
