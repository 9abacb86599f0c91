/**
 * @module Filling playbook commands: placeholders such as {env} or {reason} become values, escaped for a
 * double-quoted shell string, and the texts a command quotes (reason, message) are built from the incident.
 */
import type { NotifySeverity } from '../../domain/severity.ts'
import type { IncidentSeverity } from './types.ts'

export type CommandValues = Partial<Record<string, string | null>>

/** Safe inside double quotes in sh, bash and zsh. */
export const shellEscape = (text: string): string => text.replace(/[\\"$`]/g, (c) => `\\${c}`)

/**
 * The command with every placeholder filled; `missing` names the first placeholder without a value (then the
 * command cannot be run as is).
 */
export function fillCommand(
  template: string,
  values: CommandValues,
): { command: string; missing: string | null } {
  let missing: string | null = null
  const command = template.replace(/\{([a-z]+)\}/g, (whole, name: string) => {
    const v = values[name]
    if (v === undefined || v === null) {
      missing ??= name
      return whole
    }
    return shellEscape(v)
  })
  return { command, missing }
}

export const notifySeverity = (s: IncidentSeverity): NotifySeverity =>
  s === 'SEV1' || s === 'SEV2' ? 'critical' : s === 'SEV3' ? 'warning' : 'info'

export const incidentReason = (i: { id: string; title: string }): string => `incident ${i.id}: ${i.title}`

export const incidentMessage = (i: { id: string; title: string; severity: IncidentSeverity }): string =>
  `${i.severity} ${i.title}. We are on it (incident ${i.id}).`
