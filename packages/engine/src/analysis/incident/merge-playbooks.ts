/**
 * @module Playbooks after config overrides: built-ins extended, replaced or trimmed per incident type. Pure; the
 * config is validated by incidentConfigSchema first.
 */
import type { PlaybookOverride } from './config.ts'
import type { IncidentType, Playbook, PlaybookStep, Playbooks } from './types.ts'
import { INCIDENT_TYPES } from './types.ts'

function toStep(s: PlaybookOverride['steps'][number]): PlaybookStep {
  return {
    id: s.id,
    title: s.title,
    owner: s.owner,
    ...(s.command !== undefined ? { command: s.command } : {}),
    human: s.human,
    action: s.action,
    ...(s.when !== undefined ? { when: s.when } : {}),
  }
}

function apply(base: Playbook, o: PlaybookOverride): Playbook {
  const title = o.title ?? base.title
  if (o.mode === 'replace') return { type: base.type, title, steps: o.steps.map(toStep) }
  const steps = base.steps.filter((s) => !o.remove.includes(s.id))
  for (const raw of o.steps) {
    const step = toStep(raw)
    const at = steps.findIndex((s) => s.id === step.id)
    if (at >= 0 && raw.after === undefined) {
      steps[at] = step
      continue
    }
    if (at >= 0) steps.splice(at, 1)
    const after = raw.after === undefined ? -1 : steps.findIndex((s) => s.id === raw.after)
    const resolve = steps.findIndex((s) => s.action === 'resolve')
    const index = after >= 0 ? after + 1 : resolve >= 0 ? resolve : steps.length
    steps.splice(index, 0, step)
  }
  return { type: base.type, title, steps }
}

export function mergePlaybooks(
  builtIn: Playbooks,
  overrides: Partial<Record<IncidentType, PlaybookOverride>>,
): Playbooks {
  const out = {} as Record<IncidentType, Playbook>
  for (const type of INCIDENT_TYPES) {
    const o = overrides[type]
    out[type] = o ? apply(builtIn[type], o) : builtIn[type]
  }
  return out
}
