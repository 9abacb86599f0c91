/**
 * @module Risk score 0–100 from findings, with the factors that made it. Each finding weighs by severity; repeated
 * findings of one rule add less and less (a rule contributes at most twice its first finding), so one noisy rule
 * cannot dominate while one critical finding alone reaches the default no-go threshold.
 */
import type { Factor, Finding, Severity } from './types.ts'

export const SEVERITY_POINTS: Record<Severity, number> = {
  critical: 70,
  high: 25,
  medium: 10,
  low: 3,
  info: 0,
}

export function score(findings: readonly Finding[]): { score: number; factors: Factor[] } {
  const byRule = new Map<string, Finding[]>()
  for (const f of findings) byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f])
  const byFamily = new Map<string, { points: number; rules: string[]; count: number }>()
  for (const [ruleId, list] of byRule) {
    const weights = list.map((f) => SEVERITY_POINTS[f.severity]).sort((a, b) => b - a)
    let points = 0
    weights.forEach((w, i) => (points += i === 0 ? w : w * 0.25))
    points = Math.min(points, 2 * weights[0]!)
    const family = list[0]!.family
    const entry = byFamily.get(family) ?? { points: 0, rules: [], count: 0 }
    entry.points += points
    entry.rules.push(ruleId)
    entry.count += list.length
    byFamily.set(family, entry)
  }
  const factors: Factor[] = [...byFamily.entries()]
    .map(([name, e]) => ({
      name,
      points: Math.round(e.points * 10) / 10,
      detail: `${e.count} finding${e.count === 1 ? '' : 's'} (${e.rules.join(', ')})`,
    }))
    .filter((f) => f.points > 0)
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name))
  const total = factors.reduce((n, f) => n + f.points, 0)
  return { score: Math.min(100, Math.round(total)), factors }
}
