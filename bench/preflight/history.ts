/**
 * @module Preflight on a long history: builds a repository of 10,000 commits with `git fast-import`, adds one
 * commit that changes 10,000 lines, and times runPreflight end to end (resolve range, diff, file history, analysis).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { runPreflight } from '../../packages/engine/src/commands/preflight.ts'
import { FakeClock, seededRandom } from '../../packages/engine/src/testing/fakes.ts'
import { testContext } from '../../packages/engine/src/testing/context.ts'

export interface HistoryBench {
  commits: number
  changedLines: number
  changedFiles: number
  findings: number
  /** Seconds per run, first (cold) run first. */
  runs: number[]
  stages: Record<string, number>
}

const NOW = Date.parse('2026-01-05T10:00:00Z')
const DAY = 86_400

function blob(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`
}

/** A fast-import stream: `commits` small commits over 400 files in the past year, then the 10,000-line change. */
function stream(commits: number, files: number, changedFiles: number, linesPerFile: number): string {
  const rand = seededRandom(42)
  const paths = Array.from({ length: files }, (_, i) => `src/mod${i % 20}/file${i}.ts`)
  const content = paths.map((p, i) => [`/** ${p} */`, `export const id${i} = ${i}`])
  const out: string[] = []
  const start = Math.floor(NOW / 1000) - 365 * DAY
  for (let c = 1; c <= commits; c++) {
    const ts = start + Math.floor((c / commits) * 360 * DAY)
    const subject = rand() < 0.15 ? `fix: handle edge case ${c}` : `feat: change ${c}`
    out.push(`commit refs/heads/main\nmark :${c}\ncommitter Bench <bench@localhost> ${ts} +0000\n`)
    out.push(blob(subject))
    if (c > 1) out.push(`from :${c - 1}\n`)
    const touched = 1 + Math.floor(rand() * 3)
    for (let k = 0; k < touched; k++) {
      const f = Math.floor(rand() * rand() * files)
      content[f]!.push(`export const v${c}_${k} = ${Math.floor(rand() * 1e6)}`)
      out.push(`M 100644 inline ${paths[f]}\n${blob(content[f]!.join('\n'))}`)
    }
  }
  const ts = Math.floor(NOW / 1000) - DAY
  out.push(`commit refs/heads/main\nmark :${commits + 1}\ncommitter Bench <bench@localhost> ${ts} +0000\n`)
  out.push(blob('feat: the large change'))
  out.push(`from :${commits}\n`)
  for (let f = 0; f < changedFiles; f++) {
    const lines = content[f]!
    for (let i = 0; i < linesPerFile; i++)
      lines.push(
        i % 50 === 7
          ? `  // keep ${f}-${i} in sync with the server`
          : `export function handler${f}_${i}(input: Record<string, unknown>) { return input['k${i}'] ?? ${i} }`,
      )
    out.push(`M 100644 inline ${paths[f]}\n${blob(lines.join('\n'))}`)
  }
  return out.join('')
}

export function buildRepo(dir: string, commits = 10_000, changedLines = 10_000): { changedFiles: number } {
  const changedFiles = 40
  if (existsSync(`${dir}/.git`)) return { changedFiles }
  rmSync(dir, { recursive: true, force: true })
  execFileSync('git', ['init', '-q', '-b', 'main', dir])
  execFileSync('git', ['fast-import', '--quiet'], {
    cwd: dir,
    input: stream(commits, 400, changedFiles, changedLines / changedFiles),
    maxBuffer: 1 << 30,
  })
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir })
  return { changedFiles }
}

const STAGES = [
  ['resolving', 'resolve the range'],
  ['reading the history', 'read file history (git log)'],
  ['reading', 'read the diff (git diff + parse)'],
  ['analysing', 'analyse (all rules)'],
] as const

export async function benchHistory(runs = 3): Promise<HistoryBench> {
  const commits = 10_000
  const changedLines = 10_000
  const dir = `/tmp/rina-bench-history-${commits}`
  const { changedFiles } = buildRepo(dir, commits, changedLines)
  const ctx = testContext({ clock: new FakeClock(NOW) })
  ctx.configDir = dir
  const times: number[] = []
  const stages: Record<string, number> = {}
  let findings = 0
  for (let r = 0; r < runs; r++) {
    let last = performance.now()
    let stage = 'start'
    const t0 = last
    const progress = (msg: string) => {
      const now = performance.now()
      if (r === runs - 1) stages[stage] = (now - last) / 1000
      last = now
      stage = STAGES.find(([prefix]) => msg.startsWith(prefix))?.[1] ?? msg
    }
    const run = await runPreflight({ ...ctx, progress }, { base: 'HEAD~1', head: 'HEAD' })
    progress('done')
    times.push((performance.now() - t0) / 1000)
    findings = run.report.findings.length
    if (run.report.summary.length === 0) throw new Error('empty report')
  }
  delete stages.start
  return { commits, changedLines, changedFiles, findings, runs: times, stages }
}
