/** @module Plain-text report for the terminal: summary, factors, then findings grouped by severity. */
import type { PreflightReport } from '../types.ts'

export function renderText(r: PreflightReport): string {
  const out: string[] = [r.summary, '']
  if (r.factors.length > 0) {
    out.push('Factors:')
    for (const f of r.factors) out.push(`  ${f.name.padEnd(14)} ${String(f.points).padStart(5)}  ${f.detail}`)
    out.push('')
  }
  for (const f of r.findings) {
    out.push(
      `${f.severity.toUpperCase().padEnd(8)} ${f.ruleId}  ${f.file}:${f.line}${f.endLine > f.line ? `-${f.endLine}` : ''}`,
    )
    out.push(`         ${f.message}`)
    if (f.evidence) out.push(`         > ${f.evidence}`)
    out.push(`         why: ${f.why}`)
    out.push(`         fix: ${f.fix}`)
  }
  if (r.suppressed.length > 0)
    out.push('', `${r.suppressed.length} finding(s) allowed by config or inline comments.`)
  return out.join('\n')
}
