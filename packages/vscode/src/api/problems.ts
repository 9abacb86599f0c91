/**
 * @module How a server problem is shown: one table from error code to message level, and the text a person
 * reads — a gate denial lists its reasons and hints, never a stack trace.
 */
import type { ApiProblem, GateReason } from './types.ts'

export type Level = 'error' | 'warning' | 'info'

/** The one mapping from code to level; codes not listed are errors. */
export const LEVELS: Readonly<Record<string, Level>> = {
  GATE_DENIED: 'warning',
  ENV_FROZEN: 'warning',
  APPROVAL_REQUIRED: 'warning',
  SELF_APPROVAL: 'warning',
  CONFIRMATION_REQUIRED: 'warning',
  LOCK_HELD: 'warning',
  FORBIDDEN: 'warning',
  USAGE: 'warning',
  NOT_FOUND: 'warning',
  UNAUTHENTICATED: 'error',
  NETWORK: 'error',
  INTERNAL: 'error',
}

export interface Shown {
  level: Level
  /** The first line: what happened. */
  text: string
  /** Each reason of a denial, or field errors of a USAGE answer. */
  reasons: string[]
  hint: string | null
}

export function levelOf(code: string): Level {
  return LEVELS[code] ?? 'error'
}

export function describeProblem(p: ApiProblem): Shown {
  return { level: levelOf(p.code), text: p.message, reasons: reasonsOf(p.details), hint: hintOf(p) }
}

/** One string for a notification: message, then the reasons, then what to do. */
export function problemText(p: ApiProblem): string {
  const s = describeProblem(p)
  const reasons = s.reasons.length > 1 ? ` Reasons: ${s.reasons.map((r) => `• ${r}`).join(' ')}` : ''
  return `${s.text}${reasons}${s.hint ? ` — ${s.hint}` : ''}`
}

function reasonsOf(details: unknown): string[] {
  if (!Array.isArray(details)) return []
  return details.flatMap((d: unknown) => {
    if (!d || typeof d !== 'object') return []
    const r = d as GateReason & { path?: unknown }
    if (typeof r.message !== 'string') return []
    return [Array.isArray(r.path) && r.path.length ? `${r.path.join('.')}: ${r.message}` : r.message]
  })
}

function hintOf(p: ApiProblem): string | null {
  if (p.code === 'UNAUTHENTICATED') return 'set a token with "RinaWarp: Set API Token" (rina token create)'
  if (p.code === 'FORBIDDEN') return p.hint ?? 'your token’s role is too low for this'
  return p.hint
}
