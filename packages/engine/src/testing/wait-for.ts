/** @module Waits until a condition holds by checking it repeatedly; the test's own timeout bounds the wait. */
import { setTimeout as sleep } from 'node:timers/promises'

export async function waitFor<T>(check: () => T | Promise<T>, stepMs = 10): Promise<NonNullable<T>> {
  for (;;) {
    const v = await check()
    if (v !== null && v !== undefined && v !== false) return v as NonNullable<T>
    await sleep(stepMs)
  }
}
