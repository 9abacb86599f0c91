/**
 * @module The labeled secrets corpus: loads its files, runs a scanner over each, scores the findings with the
 * corpus's own score.mjs, and breaks recall and precision down by family (same overlap rule as the scorer).
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'

export interface ScanFinding {
  line: number
  endLine: number
  rule: string
}
export type Scanner = (content: string, filePath: string) => ScanFinding[] | Promise<ScanFinding[]>

interface Label {
  file: string
  line: number
  end_line: number
  expected: string
  source: string
}
export interface Counts {
  precision: number
  recall: number
  f1: number
  fp_rate: number
  tp: number
  fn: number
  fp: number
  tn: number
  positives: number
  negatives: number
}
export interface FamilyScore {
  positives: number
  found: number
  negatives: number
  flagged: number
}
export interface CorpusScore {
  findings: number
  all: Counts
  excluding_secretlint_fixtures: Counts
  families_with_any_hit: string
  families: Record<string, FamilyScore>
}

export function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else out.push(p)
  }
  return out
}

export function loadCorpus(data: string): { path: string; file: string; text: string }[] {
  return walk(join(data, 'corpus')).map((p) => ({
    path: p,
    file: relative(data, p),
    text: readFileSync(p, 'utf8'),
  }))
}

/** The family a negative sample stands against: its file's name (or folder, for secretlint's fixtures). */
function negativeFamily(file: string): string {
  const parts = file.split('/')
  if (parts[1] === 'secretlint-fixtures') return parts[2]!
  if (parts[2] === 'gitleaks-paths') return 'paths'
  return basename(file).replace(/\.[^.]*$/, '')
}

export async function scoreScanner(data: string, scanner: Scanner, outFile: string): Promise<CorpusScore> {
  const findings: { file: string; line: number; end_line: number; rule: string }[] = []
  for (const c of loadCorpus(data))
    for (const f of await scanner(c.text, c.path))
      findings.push({ file: c.file, line: f.line, end_line: f.endLine, rule: f.rule })
  writeFileSync(outFile, JSON.stringify(findings, null, 1))
  const score = JSON.parse(execFileSync('node', ['score.mjs', '.', outFile], { cwd: data, encoding: 'utf8' }))
  const labels: Label[] = readFileSync(join(data, 'labels.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Label)
  const families: Record<string, FamilyScore> = {}
  for (const l of labels) {
    const hit = findings.some((f) => f.file === l.file && f.line <= l.end_line && f.end_line >= l.line)
    const fam = l.expected === 'none' ? negativeFamily(l.file) : l.expected
    const s = (families[fam] ??= { positives: 0, found: 0, negatives: 0, flagged: 0 })
    if (l.expected === 'none') {
      s.negatives++
      if (hit) s.flagged++
    } else {
      s.positives++
      if (hit) s.found++
    }
  }
  return {
    findings: findings.length,
    all: score.all,
    excluding_secretlint_fixtures: score.excluding_secretlint_fixtures,
    families_with_any_hit: score.families_with_any_hit,
    families,
  }
}
