/**
 * @module Change-shape rules: size, breadth (files and directories), spread of the change across areas
 * (normalized entropy), hotspot files from history (churn and past fixes), and code changed with no test changed.
 */
import type { Rule } from '../rule.ts'
import type { ChangeSet } from '../types.ts'
import { dirName, isProductionCode, isTestPath } from './paths.ts'

export const SHAPE_LIMITS = {
  linesMedium: 500,
  linesHigh: 1500,
  files: 30,
  directories: 12,
  spread: 0.85,
  spreadMinAreas: 4,
  hotspotCommits: 10,
  hotspotFixes: 3,
  maxHotspots: 5,
}

export const changedLines = (c: ChangeSet): number =>
  c.files.reduce((n, f) => n + f.added.length + f.removed.length, 0)

/** Normalized Shannon entropy of changed lines over top-level areas: 0 = one area, 1 = evenly everywhere. */
export function spread(c: ChangeSet): { value: number; areas: number } {
  const byArea = new Map<string, number>()
  for (const f of c.files) {
    const area = f.path
      .split('/')
      .slice(0, f.path.startsWith('packages/') ? 2 : 1)
      .join('/')
    byArea.set(area, (byArea.get(area) ?? 0) + f.added.length + f.removed.length + 1)
  }
  const total = [...byArea.values()].reduce((a, b) => a + b, 0)
  if (byArea.size < 2) return { value: 0, areas: byArea.size }
  let h = 0
  for (const n of byArea.values()) h -= (n / total) * Math.log2(n / total)
  return { value: h / Math.log2(byArea.size), areas: byArea.size }
}

export const sizeRule: Rule = {
  id: 'change-shape/size',
  family: 'change-shape',
  severity: 'medium',
  title: 'Large change',
  why: 'Large changes are harder to review and to roll back, and hide more defects.',
  fix: 'Split it into smaller releases, or give it a longer soak on staging.',
  check(ctx) {
    const n = changedLines(ctx.change)
    if (n < SHAPE_LIMITS.linesMedium) return []
    const severity = n >= SHAPE_LIMITS.linesHigh ? ('high' as const) : ('medium' as const)
    return [
      {
        file: ctx.change.files[0]?.path ?? '.',
        line: 1,
        message: `${n} lines changed in ${ctx.change.files.length} files`,
        severity,
      },
    ]
  },
}

export const breadthRule: Rule = {
  id: 'change-shape/breadth',
  family: 'change-shape',
  severity: 'medium',
  title: 'Many files or directories touched',
  why: 'A change that touches many places at once has many ways to fail and is hard to reason about.',
  fix: 'Split mechanical changes (renames, formatting) from behaviour changes.',
  check(ctx) {
    const files = ctx.change.files.length
    const dirs = new Set(ctx.change.files.map((f) => dirName(f.path))).size
    if (files < SHAPE_LIMITS.files && dirs < SHAPE_LIMITS.directories) return []
    return [{ file: ctx.change.files[0]!.path, line: 1, message: `${files} files in ${dirs} directories` }]
  },
}

export const spreadRule: Rule = {
  id: 'change-shape/spread',
  family: 'change-shape',
  severity: 'low',
  title: 'Change spread across many areas',
  why: 'An evenly spread change crosses ownership boundaries and couples unrelated parts.',
  fix: 'Ship the areas separately where possible.',
  check(ctx) {
    const s = spread(ctx.change)
    if (s.areas < SHAPE_LIMITS.spreadMinAreas || s.value < SHAPE_LIMITS.spread) return []
    return [
      {
        file: ctx.change.files[0]!.path,
        line: 1,
        message: `spread ${s.value.toFixed(2)} over ${s.areas} areas`,
      },
    ]
  },
}

export const hotspotRule: Rule = {
  id: 'change-shape/hotspot',
  family: 'change-shape',
  severity: 'medium',
  title: 'Hotspot file changed',
  why: 'Files with high churn and many past fixes are where new defects most often appear.',
  fix: 'Review these files with extra care and make sure tests cover the changed paths.',
  check(ctx) {
    return ctx.change.files
      .map((f) => ({ f, h: ctx.history[f.path] }))
      .filter(
        ({ h }) => h && h.commits >= SHAPE_LIMITS.hotspotCommits && h.fixCommits >= SHAPE_LIMITS.hotspotFixes,
      )
      .sort((a, b) => b.h!.fixCommits - a.h!.fixCommits || b.h!.commits - a.h!.commits)
      .slice(0, SHAPE_LIMITS.maxHotspots)
      .map(({ f, h }) => ({
        file: f.path,
        line: f.added[0]?.line ?? 1,
        message: `hotspot: ${h!.commits} commits, ${h!.fixCommits} fixes recently`,
      }))
  },
}

export const untestedRule: Rule = {
  id: 'change-shape/untested',
  family: 'change-shape',
  severity: 'medium',
  title: 'Code changed with no test changed',
  why: 'Behaviour changed without a test change is behaviour nobody has checked automatically.',
  fix: 'Add or update tests for the changed code.',
  check(ctx) {
    const code = ctx.change.files.filter(
      (f) => isProductionCode(f.path) && f.status !== 'deleted' && f.added.length > 0,
    )
    if (code.length === 0 || ctx.change.files.some((f) => isTestPath(f.path))) return []
    const lines = code.reduce((n, f) => n + f.added.length + f.removed.length, 0)
    return [
      {
        file: code[0]!.path,
        line: code[0]!.added[0]?.line ?? 1,
        message: `${code.length} source file(s), ${lines} lines changed, no test changed`,
      },
    ]
  },
}

export const changeShapeRules: Rule[] = [sizeRule, breadthRule, spreadRule, hotspotRule, untestedRule]
