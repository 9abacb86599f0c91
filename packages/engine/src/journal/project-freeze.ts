/** @module Projection of freeze events: who froze which environment, why and until when. */
import type { JournalEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'

export function applyFreeze(s: State, e: JournalEvent): void {
  if (e.type === 'freeze.enabled') {
    const p = e.payload as JournalEvent<'freeze.enabled'>['payload']
    s.freezes[p.env] = {
      env: p.env,
      by: e.actor,
      reason: e.reason ?? '',
      since: e.time,
      until: p.until,
      seq: e.seq,
    }
  } else if (e.type === 'freeze.disabled' || e.type === 'freeze.expired') {
    const { env } = e.payload as { env: string }
    delete s.freezes[env]
    s.lastUnfreeze[env] = {
      env,
      by: e.actor,
      reason: e.reason ?? '',
      at: e.time,
      expired: e.type === 'freeze.expired',
    }
  }
}
