/** @module The short summary a person reads in ten seconds: decision, score, what drove it, what to look at first. */
import type { PreflightReport, Severity } from './types.ts'
import { SEVERITIES } from './types.ts'

const VERDICT = { go: 'GO', caution: 'CAUTION', 'no-go': 'NO-GO' } as const

export function summarize(r: Omit<PreflightReport, 'summary'>): string {
  const counts = SEVERITIES.map(
    (s: Severity) => [s, r.findings.filter((f) => f.severity === s).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
  const head = `${VERDICT[r.decision]} (risk ${r.score}/100): ${r.stats.files} files, +${r.stats.additions} −${r.stats.deletions}`
  if (r.findings.length === 0) return `${head}. No findings.`
  const drivers = r.factors
    .slice(0, 3)
    .map((f) => `${f.name} ${f.points}`)
    .join(', ')
  const top = r.findings
    .slice(0, 3)
    .map((f) => `${f.severity}: ${f.message} (${f.file}:${f.line})`)
    .join('; ')
  return `${head}. ${counts.join(', ')}. Driven by ${drivers}. First: ${top}.`
}
