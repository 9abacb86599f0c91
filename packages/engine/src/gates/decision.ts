/** @module Gate decisions: values, never exceptions. A denial lists every reason a person can act on. */

export interface GateReason {
  gate: string
  code: string
  message: string
  hint?: string
}

export type Decision = { allowed: true } | { allowed: false; reasons: GateReason[] }

export const allow: Decision = { allowed: true }

export const deny = (...reasons: GateReason[]): Decision => ({ allowed: false, reasons })

/** Runs gates in order and collects every denial (so a person sees all blockers at once). */
export function combine(...decisions: Decision[]): Decision {
  const reasons = decisions.flatMap((d) => (d.allowed ? [] : d.reasons))
  return reasons.length ? { allowed: false, reasons } : allow
}
