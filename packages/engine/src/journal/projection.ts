/**
 * @module State = fold(events). Pure: the same events always give the same state. The fold mutates a state it
 * owns (a fresh one, or a copy of `from`), so projecting a long journal stays linear.
 */
import type { JournalEvent } from '../domain/events.ts'
import type { State } from '../domain/state.ts'
import { emptyState } from '../domain/state.ts'
import { applyDeploy } from './project-deploy.ts'
import { applyFreeze } from './project-freeze.ts'
import { applyIncident } from './project-incident.ts'
import { applyNotification } from './project-notify.ts'

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
  else applyDeploy(s, e)
}
