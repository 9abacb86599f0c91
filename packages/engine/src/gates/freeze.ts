/** @module Freeze gate: a frozen environment accepts no deploy. Used by every deploy path. */
import type { FreezeWindow } from '../domain/freeze-windows.ts'
import { activeSpan, windowsFor } from '../domain/freeze-windows.ts'
import type { State } from '../domain/state.ts'
import { formatActor } from '../domain/actor.ts'
import type { Decision, GateReason } from './decision.ts'
import { allow, deny } from './decision.ts'

export interface FreezeGateRequest {
  env: string
  now: Date
}

/** A manual freeze is in force when it has no end or its end is still ahead. */
export function manualFreezeActive(state: State, env: string, now: Date) {
  const f = state.freezes[env]
  if (!f) return null
  if (f.until !== null && Date.parse(f.until) <= now.getTime()) return null
  return f
}

export function freezeGate(state: State, req: FreezeGateRequest, windows: readonly FreezeWindow[]): Decision {
  const reasons: GateReason[] = []
  const f = manualFreezeActive(state, req.env, req.now)
  if (f) {
    reasons.push({
      gate: 'freeze',
      code: 'ENV_FROZEN',
      message: `${req.env} is frozen by ${formatActor(f.by)} since ${f.since}${f.until ? ` until ${f.until}` : ''}: ${f.reason}`,
      hint: `a human can lift it: rina freeze disable --env ${req.env} --reason "…"`,
    })
  }
  for (const w of windowsFor(req.env, windows)) {
    const span = activeSpan(w, req.now)
    if (span) {
      reasons.push({
        gate: 'freeze',
        code: 'ENV_FROZEN',
        message: `${req.env} is in the freeze window "${w.name}" until ${span.end.toISOString()}${span.reason ? `: ${span.reason}` : ''}`,
        hint: 'wait for the window to end, or change freeze.windows in rina.yml',
      })
    }
  }
  return reasons.length ? deny(...reasons) : allow
}
