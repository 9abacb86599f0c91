/** @module Human text for config issues: one line per issue, `rina.yml:12:7  path  message (hint: …)`. */
import type { ConfigIssue } from './issue.ts'

export function formatConfigIssue(issue: ConfigIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`
  const parts = [where, issue.path === '' ? null : issue.path, issue.message].filter((p) => p !== null)
  return `${parts.join('  ')}${issue.hint === '' ? '' : ` (hint: ${issue.hint})`}`
}

export function formatConfigIssues(issues: readonly ConfigIssue[]): string {
  return issues.map(formatConfigIssue).join('\n')
}
