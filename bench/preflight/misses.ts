/**
 * @module Lists the labeled secrets the preflight scanner misses (and the negatives it flags), grouped by family,
 * for studying recall on the corpus. Reads bench/.out/findings.json written by secrets.ts; prints to stdout only.
 *   node --import tsx bench/preflight/misses.ts [--family NAME] [--negatives]
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

interface Label {
  file: string
  line: number
  end_line: number
  expected: string
  source: string
  rule: string
}
interface Finding {
  file: string
  line: number
  end_line: number
  rule: string
}

const root = new URL('../..', import.meta.url).pathname
const data = process.env.RINA_SECRETS_DATA ?? '/work/shared/data/secrets'
const args = process.argv.slice(2)
const only = args.includes('--family') ? args[args.indexOf('--family') + 1] : undefined
const negatives = args.includes('--negatives')

const labels: Label[] = readFileSync(join(data, 'labels.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as Label)
const findings: Finding[] = JSON.parse(readFileSync(join(root, 'bench/.out/findings.json'), 'utf8'))
const byFile = new Map<string, Finding[]>()
for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f])
const hits = (l: Label) =>
  (byFile.get(l.file) ?? []).filter((f) => f.line <= l.end_line && f.end_line >= l.line)

const files = new Map<string, string[]>()
const linesOf = (file: string) => {
  if (!files.has(file)) files.set(file, readFileSync(join(data, file), 'utf8').split('\n'))
  return files.get(file)!
}

const groups = new Map<string, Label[]>()
for (const l of labels) {
  const positive = l.expected !== 'none'
  const wrong = positive ? hits(l).length === 0 : hits(l).length > 0
  if (!wrong || positive === negatives || (only && l.expected !== only)) continue
  groups.set(l.expected, [...(groups.get(l.expected) ?? []), l])
}
for (const [family, list] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`\n== ${family} (${list.length})`)
  for (const l of list) {
    const by = negatives
      ? ` by ${hits(l)
          .map((f) => f.rule)
          .join(',')}`
      : ''
    console.log(`-- ${l.file}:${l.line}-${l.end_line} [${l.source} ${l.rule}]${by}`)
    for (const t of linesOf(l.file).slice(l.line - 1, l.end_line)) console.log(`   ${t.slice(0, 220)}`)
  }
}
