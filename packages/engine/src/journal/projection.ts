/**
 * @module State = fold(events). Pure: the same events always give the same state. The fold mutates a state it
 * owns (a fresh one, or a copy of `from`), so projecting a long journal stays linear.
 */
import type { JournalEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'
import { emptyState } from '../domain/state.ts'
import { applyDeploy } from './project-deploy.ts'
import { applyFreeze } from './project-freeze.ts'
import { applyHealth } from './project-health.ts'
import { applyIncident } from './project-incident.ts'
import { applyNotification } from './project-notify.ts'

/**
 * The version of the fold below. Bump it whenever the fold's result can change (a new field, another rule), so
 * snapshots made by the old fold are not used; then record the fixture's new fingerprint in PROJECTION_FINGERPRINTS.
 */
export const PROJECTION_VERSION = 2

/**
 * Per projection version, the SHA-256 of the canonical JSON of the state projected from the fixture journal
 * (testing/journal-history.ts, see projection.test.ts): a changed fold without a new version fails that test.
 */
export const PROJECTION_FINGERPRINTS: Readonly<Record<number, string>> = {
  1: 'b38b6900379293398887a66dcf8392840d8c49e1ec540b4cff515c9551e273d9',
  2: '3f0a6c3a97035716bec147107233bd1e105c589b2ef587cef164bbcdc95151ef',
}

export function project(events: Iterable<JournalEvent>, from: State = emptyState()): State {
  const s = from === undefined ? emptyState() : structuredClone(from)
  for (const e of events) apply(s, e)
  return s
}

/** Folds one event into `s` in place. */
export function apply(s: State, e: JournalEvent): void {
  s.seq = e.seq
  const family = e.type.slice(0, e.type.indexOf('.'))
  if (family === 'freeze') applyFreeze(s, e)
  else if (family === 'notification') applyNotification(s, e)
  else if (family === 'incident') applyIncident(s, e)
  else if (family === 'health') applyHealth(s, e)
  else applyDeploy(s, e)
}
