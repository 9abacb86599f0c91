/** @module Optimistic concurrency: re-run a read → decide → append step when another process appended first. */
import { isRinaError } from '../errors.ts'

export async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn()
    } catch (e) {
      if (!isRinaError(e, 'JOURNAL_CONFLICT') || i >= attempts) throw e
    }
  }
}
