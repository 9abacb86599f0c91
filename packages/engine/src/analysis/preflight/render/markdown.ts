/** @module Markdown report for pull-request comments: verdict, factors table and findings table. */
import type { PreflightReport } from '../types.ts'

const ICON = { go: '🟢', caution: '🟡', 'no-go': '🔴' } as const
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``

export function renderMarkdown(r: PreflightReport): string {
  const out: string[] = [
    `## ${ICON[r.decision]} Preflight: ${r.decision} (risk ${r.score}/100)`,
    '',
    r.summary,
    '',
  ]
  if (r.factors.length > 0) {
    out.push('| factor | points | detail |', '| --- | ---: | --- |')
    for (const f of r.factors) out.push(`| ${f.name} | ${f.points} | ${cell(f.detail)} |`)
    out.push('')
  }
  if (r.findings.length > 0) {
    out.push('| severity | rule | location | finding | fix |', '| --- | --- | --- | --- | --- |')
    for (const f of r.findings) {
      const what = f.evidence ? `${cell(f.message)}<br>${code(cell(f.evidence))}` : cell(f.message)
      out.push(
        `| ${f.severity} | ${code(f.ruleId)} | ${code(`${f.file}:${f.line}`)} | ${what} | ${cell(f.fix)} |`,
      )
    }
  }
  if (r.suppressed.length > 0)
    out.push('', `_${r.suppressed.length} finding(s) allowed by config or inline comments._`)
  return out.join('\n')
}
