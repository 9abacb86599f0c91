/**
 * @module Secrets benchmark, side by side with secretlint in the same run: precision and recall on the labeled
 * corpus (overall and by family), throughput on a generated tree, and preflight on a 10,000-commit repository.
 *   node --import tsx bench/preflight/secrets.ts [--mb 50] [--no-tree] [--no-history] [--write]
 * --write replaces the "Preflight secrets" section of docs/benchmarks.md.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { scanSecrets } from '../../packages/engine/src/analysis/preflight/rules/secrets/scan.ts'
import { scoreScanner, walk, type ScanFinding } from './corpus.ts'
import { benchHistory } from './history.ts'
import { createSecretlint, secretlintVersions } from './secretlint.ts'
import { secretsMarkdown, type Throughput } from './secrets-report.ts'

const root = new URL('../..', import.meta.url).pathname
const data =
  process.env.RINA_SECRETS_DATA ?? new URL('../../../shared/data/secrets', import.meta.url).pathname
const outDir = join(root, 'bench/.out')
const args = process.argv.slice(2)
const mb = args.includes('--mb') ? Number(args[args.indexOf('--mb') + 1]) : 50

const ours = (text: string): ScanFinding[] =>
  scanSecrets(text).map((m) => ({ line: m.line, endLine: m.endLine, rule: `${m.detector}:${m.kind}` }))

mkdirSync(outDir, { recursive: true })
// First, before secretlint's engine exists: its profiler's backlog would otherwise run during these timings.
const history = args.includes('--no-history') ? null : await benchHistory(3)
if (history)
  console.log(
    `history: ${history.commits} commits, ${history.changedLines} changed lines: runPreflight ` +
      `${history.runs.map((s) => s.toFixed(2)).join(' / ')} s`,
  )
const secretlint = await createSecretlint()
const versions = secretlintVersions()
console.log(`scoring the corpus in ${data} (secretlint ${versions.secretlint}, preset ${versions.preset})`)
const corpus = {
  ours: await scoreScanner(data, ours, join(outDir, 'findings.json')),
  secretlint: await scoreScanner(data, secretlint, join(outDir, 'findings-secretlint.json')),
}
writeFileSync(join(outDir, 'secrets-score.json'), JSON.stringify(corpus, null, 1))
for (const [name, s] of Object.entries(corpus))
  console.log(
    `  ${name.padEnd(10)} precision ${s.all.precision} recall ${s.all.recall} f1 ${s.all.f1}` +
      ` (excluding secretlint fixtures: ${s.excluding_secretlint_fixtures.precision} / ${s.excluding_secretlint_fixtures.recall})`,
  )

let throughput: Throughput | null = null
if (!args.includes('--no-tree')) {
  const tree = `/tmp/rina-secrets-tree-${mb}mb`
  if (!existsSync(tree))
    execFileSync('node', ['gen-tree.mjs', tree, String(mb), 'labels.jsonl', '.'], { cwd: data })
  const files = walk(tree).map((path) => ({ path, text: readFileSync(path, 'utf8') }))
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0)
  const time = async (runs: number, scan: (text: string, path: string) => unknown) => {
    const seconds: number[] = []
    let findings = 0
    for (let r = 0; r < runs; r++) {
      findings = 0
      const t0 = performance.now()
      for (const f of files) findings += ((await scan(f.text, f.path)) as unknown[]).length
      seconds.push((performance.now() - t0) / 1000)
    }
    return { best: Math.min(...seconds), findings }
  }
  console.log(`tree: ${files.length} files, ${(bytes / 2 ** 20).toFixed(1)} MiB`)
  await time(1, (t) => ours(t.slice(0, 2000)))
  const o = await time(3, ours)
  console.log(`  ours:       ${(bytes / 2 ** 20 / o.best).toFixed(1)} MiB/s, ${o.findings} findings`)
  const s = await time(1, secretlint)
  console.log(`  secretlint: ${(bytes / 2 ** 20 / s.best).toFixed(1)} MiB/s, ${s.findings} findings`)
  throughput = { files: files.length, bytes, ours: o, secretlint: s }
}

const command = 'node --import tsx bench/preflight/secrets.ts --write'
const md = secretsMarkdown({ command, corpus, throughput, history, versions, mb })
if (args.includes('--write')) {
  const path = join(root, 'docs/benchmarks.md')
  const doc = readFileSync(path, 'utf8')
  const re = /## Preflight secrets\n[\s\S]*?(?=\n## |$)/
  writeFileSync(path, re.test(doc) ? doc.replace(re, md) : `${doc.trimEnd()}\n\n${md}`)
  console.log('wrote docs/benchmarks.md')
} else console.log(`\n${md}`)
// secretlint's engine leaves work scheduled (its profiler keeps observing); the benchmark is done.
process.exit(0)
