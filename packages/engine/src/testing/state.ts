/** @module Builders for projected state: a fixture states only the fields that matter. */
import type { Actor } from '../domain/actor.ts'
import { humanActor } from '../domain/actor.ts'
import type { ReleaseState, State } from '../domain/state.ts'
import { emptyState } from '../domain/state.ts'

export function releaseState(id: string, over: Partial<ReleaseState> = {}): ReleaseState {
  return {
    id,
    commit: null,
    branch: null,
    subject: null,
    registeredBy: humanActor('ana'),
    registeredAt: '2026-01-05T10:00:00.000Z',
    preflight: null,
    validatedIn: [],
    approvals: {},
    ...over,
  }
}

export function stateWith(...releases: ReleaseState[]): State {
  const s = emptyState()
  for (const r of releases) s.releases[r.id] = r
  return s
}

export const approvalBy = (by: Actor, seq = 1) => ({
  by,
  reason: 'looks good',
  at: '2026-01-05T11:00:00.000Z',
  seq,
})
