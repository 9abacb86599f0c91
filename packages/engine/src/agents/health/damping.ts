/**
 * @module Flap damping, pure: a probe's health flips only after N consecutive results that disagree with it
 * (failAfter failures to turn unhealthy, recoverAfter successes to turn healthy again). A probe starts healthy
 * unless the journal says otherwise, so a restart announces nothing by itself.
 */

export interface DampedState {
  healthy: boolean
  /** Consecutive results that disagree with `healthy`. */
  streak: number
}

export interface DampingPolicy {
  failAfter: number
  recoverAfter: number
}

export const initialDamped = (healthy = true): DampedState => ({ healthy, streak: 0 })

/** The state after one result, and whether the damped health flipped with it. */
export function dampen(
  state: DampedState,
  ok: boolean,
  policy: DampingPolicy,
): { state: DampedState; flipped: boolean } {
  if (ok === state.healthy) return { state: { healthy: state.healthy, streak: 0 }, flipped: false }
  const streak = state.streak + 1
  const needed = state.healthy ? policy.failAfter : policy.recoverAfter
  if (streak >= needed) return { state: { healthy: ok, streak: 0 }, flipped: true }
  return { state: { healthy: state.healthy, streak }, flipped: false }
}
