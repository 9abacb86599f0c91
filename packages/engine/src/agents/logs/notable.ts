/**
 * @module Which log anomalies are worth a journal event, pure: a spike of error lines, a jump of the error share,
 * a new error or warning template after a release, a source gone silent. Everything else still reaches incident
 * correlation, but is not journaled on its own.
 */
import type { Signal as LogSignal } from '../../analysis/logs/anomaly.ts'
import type { EventPayloads } from '../../domain/events.ts'
import { redactText } from '../../domain/redact.ts'

const serious = (s: LogSignal['severity']) => s === 'error' || s === 'fatal'

export function isNotable(s: LogSignal): boolean {
  switch (s.kind) {
    case 'spike':
      return serious(s.severity)
    case 'error-rate':
    case 'silence':
      return true
    case 'new-template':
      return s.evidence.release !== null && (serious(s.severity) || s.severity === 'warning')
  }
}

const pct = (x: number) => `${Math.round(x * 100)}%`

export function summaryOf(s: LogSignal): string {
  switch (s.kind) {
    case 'spike':
      return `${s.source}: ${s.evidence.after} lines of "${s.template}" against ~${s.evidence.before.toFixed(1)} expected`
    case 'error-rate':
      return `${s.source}: error share ${pct(s.evidence.after)} against ${pct(s.evidence.before)} before`
    case 'new-template':
      return `${s.source}: new ${s.severity} "${s.template}" since ${s.evidence.release}`
    case 'silence':
      return `${s.source} went silent (about ${s.evidence.before.toFixed(1)} lines a minute before)`
  }
}

/** The `logs.signal` payload; examples are already masked by the analyzer, and known secrets go here too. */
export function logsSignalPayload(
  s: LogSignal,
  where: { env: string; service: string | null },
  secrets: readonly string[],
): EventPayloads['logs.signal'] {
  return {
    env: where.env,
    service: where.service,
    source: s.source,
    kind: s.kind,
    severity: s.severity,
    summary: redactText(summaryOf(s), secrets),
    template: s.template === null ? null : redactText(s.template, secrets),
    release: s.evidence.release,
    examples: s.evidence.examples.map((x) => redactText(x, secrets)),
  }
}
