/** @module Preflight findings grouped per file with zero-based lines, ready to become editor diagnostics. */
import type { PreflightFinding } from '@rinawarp/engine'

export interface FindingDiagnostic {
  ruleId: string
  severity: string
  startLine: number
  endLine: number
  message: string
}

export function diagnosticsByFile(findings: readonly PreflightFinding[]): Map<string, FindingDiagnostic[]> {
  const out = new Map<string, FindingDiagnostic[]>()
  for (const f of findings) {
    const start = Math.max(0, f.line - 1)
    const list = out.get(f.file) ?? []
    list.push({
      ruleId: f.ruleId,
      severity: f.severity,
      startLine: start,
      endLine: Math.max(start, (f.endLine || f.line) - 1),
      message: f.fix ? `${f.message} — ${f.fix}` : f.message,
    })
    out.set(f.file, list)
  }
  return out
}
