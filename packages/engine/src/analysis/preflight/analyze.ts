/**
 * @module The preflight entry point: runs the enabled rules over a change set, applies the options, scores the
 * findings and decides go, caution or no-go. Pure: git, config loading and printing happen at the edges.
 */
import { defaultPreflightConfig, type PreflightConfig } from './config.ts'
import { decide } from './decide.ts'
import { applyOptions, inlineAllows, isEnabled } from './options.ts'
import { createRegistry, type RuleContext, type RuleRegistry } from './rule.ts'
import { defaultRules } from './rules/index.ts'
import { score } from './score.ts'
import { summarize } from './summary.ts'
import type { ChangeSet, Finding, HistoryInput, PreflightReport, Suppressed } from './types.ts'
import { severityRank } from './types.ts'

export interface AnalyzeOptions {
  config?: PreflightConfig
  history?: HistoryInput
  project?: { electron?: boolean }
  registry?: RuleRegistry
}

export const defaultRegistry: RuleRegistry = createRegistry(defaultRules)

export function analyzePreflight(change: ChangeSet, opts: AnalyzeOptions = {}): PreflightReport {
  const config = opts.config ?? defaultPreflightConfig
  const registry = opts.registry ?? defaultRegistry
  const ctx: RuleContext = {
    change,
    history: opts.history ?? {},
    project: { electron: opts.project?.electron ?? false },
  }
  const allows = inlineAllows(change)
  const findings: Finding[] = []
  const suppressed: Suppressed[] = []
  for (const rule of registry.all()) {
    if (!isEnabled(rule, config)) continue
    const out = applyOptions(rule, rule.check(ctx), config, allows)
    findings.push(...out.findings)
    suppressed.push(...out.suppressed)
  }
  findings.sort(
    (a, b) =>
      severityRank(b.severity) - severityRank(a.severity) || a.file.localeCompare(b.file) || a.line - b.line,
  )
  const { score: value, factors } = score(findings)
  const decision = decide(value, config.thresholds)
  const stats = {
    files: change.files.length,
    additions: change.files.reduce((n, f) => n + f.added.length, 0),
    deletions: change.files.reduce((n, f) => n + f.removed.length, 0),
  }
  const report = {
    decision,
    score: value,
    factors,
    findings,
    suppressed,
    stats,
    base: change.base,
    head: change.head,
  }
  return { ...report, summary: summarize(report) }
}
