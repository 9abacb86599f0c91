/**
 * @module Applies the preflight options to rule hits: disabled rules, severity overrides, allowlisted paths and
 * values, and inline `rina-allow: <rule-id> <reason>` comments on the line or the line above (reason required).
 */
import type { PreflightConfig } from './config.ts'
import { matchGlob } from './glob.ts'
import type { Rule } from './rule.ts'
import type { ChangeSet, Finding, RuleHit, Suppressed } from './types.ts'

const ALLOW = /rina-allow:\s*([a-z-]+(?:\/[a-z0-9-]+)?)\s+(\S.*?)\s*(?:\*\/|-->)?\s*$/

export interface InlineAllow {
  rule: string
  reason: string
}

/** Inline allows by file and line, read from the new side of every hunk (added and context lines). */
export function inlineAllows(change: ChangeSet): Map<string, Map<number, InlineAllow>> {
  const out = new Map<string, Map<number, InlineAllow>>()
  for (const f of change.files) {
    for (const h of f.hunks) {
      for (const l of h.lines) {
        if (l.newLine === null || !l.text.includes('rina-allow:')) continue
        const m = ALLOW.exec(l.text)
        if (!m) continue
        if (!out.has(f.path)) out.set(f.path, new Map())
        out.get(f.path)!.set(l.newLine, { rule: m[1]!, reason: m[2]! })
      }
    }
  }
  return out
}

export const isEnabled = (rule: Rule, config: PreflightConfig): boolean =>
  config.rules[rule.id]?.enabled !== false

export function applyOptions(
  rule: Rule,
  hits: RuleHit[],
  config: PreflightConfig,
  allows: Map<string, Map<number, InlineAllow>>,
): { findings: Finding[]; suppressed: Suppressed[] } {
  const findings: Finding[] = []
  const suppressed: Suppressed[] = []
  const override = config.rules[rule.id]?.severity
  for (const h of hits) {
    if (config.allow.paths.some((g) => matchGlob(g, h.file))) {
      suppressed.push({ ruleId: rule.id, file: h.file, line: h.line, reason: 'allowlisted path' })
      continue
    }
    if (h.value !== undefined && config.allow.values.some((v) => v.length > 0 && h.value!.includes(v))) {
      suppressed.push({ ruleId: rule.id, file: h.file, line: h.line, reason: 'allowlisted value' })
      continue
    }
    const fileAllows = allows.get(h.file)
    const inline = [fileAllows?.get(h.line), fileAllows?.get(h.line - 1)].find(
      (a) => a && (a.rule === rule.id || a.rule === rule.family),
    )
    if (inline) {
      suppressed.push({ ruleId: rule.id, file: h.file, line: h.line, reason: inline.reason })
      continue
    }
    findings.push({
      ruleId: rule.id,
      family: rule.family,
      severity: override ?? h.severity ?? rule.severity,
      file: h.file,
      line: h.line,
      endLine: h.endLine ?? h.line,
      message: h.message,
      evidence: h.evidence ?? null,
      why: rule.why,
      fix: rule.fix,
    })
  }
  return { findings, suppressed }
}
