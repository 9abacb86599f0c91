/**
 * @module Deploy verification, pure: the window after a deploy against the same span before it. A probe whose
 * success rate fell, whose p95 latency grew by a factor, or an error template seen far more often (or new) is a
 * regression, reported with the numbers before and after.
 */
import type { VerificationEvidence } from '../../domain/events.ts'
import type { WindowStats } from '../health/rollup.ts'
import type { TemplateCount } from '../logs/error-counts.ts'

export interface WindowFacts {
  /** Per probe, keyed `service/probe`. */
  probes: ReadonlyMap<string, WindowStats>
  errors: readonly TemplateCount[]
}

export interface Thresholds {
  successDrop: number
  latencyFactor: number
  errorFactor: number
}

/** Fewest checks after a deploy before a probe is judged; fewest error lines before a template is. */
const MIN_CHECKS = 3
const MIN_ERRORS = 5
const MIN_LATENCY_GROWTH_MS = 50

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`

export function verifyWindows(
  before: WindowFacts,
  after: WindowFacts,
  t: Thresholds,
): VerificationEvidence[] {
  const out: VerificationEvidence[] = []
  for (const [subject, a] of [...after.probes].sort(([x], [y]) => x.localeCompare(y))) {
    const b = before.probes.get(subject)
    const service = subject.slice(0, subject.indexOf('/'))
    if (a.checks < MIN_CHECKS || a.successRate === null) continue
    const was = b?.successRate ?? 1
    if (was - a.successRate > t.successDrop) {
      out.push({
        kind: 'probe-success',
        subject,
        service,
        before: was,
        after: a.successRate,
        detail: `${subject} passed ${pct(a.successRate)} of ${a.checks} checks after, ${b?.checks ? pct(was) : 'no checks'} before`,
      })
    }
    if (!b || b.checks < MIN_CHECKS) continue
    const p95 = a.latencyMs.p95
    const limit = Math.max(b.latencyMs.p95 * t.latencyFactor, b.latencyMs.p95 + MIN_LATENCY_GROWTH_MS)
    if (p95 > limit) {
      out.push({
        kind: 'probe-latency',
        subject,
        service,
        before: b.latencyMs.p95,
        after: p95,
        detail: `${subject} p95 latency ${Math.round(p95)} ms after, ${Math.round(b.latencyMs.p95)} ms before`,
      })
    }
  }
  const earlier = new Map(before.errors.map((c) => [c.key, c.count]))
  for (const c of after.errors) {
    const was = earlier.get(c.key) ?? 0
    if (c.count < MIN_ERRORS || c.count < Math.max(1, was) * t.errorFactor) continue
    out.push({
      kind: 'error-template',
      subject: c.template,
      service: null,
      before: was,
      after: c.count,
      detail: `"${c.template}" logged ${c.count} times after, ${was === 0 ? 'never' : `${was} times`} before`,
    })
  }
  return out
}
