/**
 * @module One entry for the benchmarks: `npm run bench -- [journal ...] [--events N] [--write]`.
 * Prints each suite as a Markdown table; --write also replaces that suite's section in docs/benchmarks.md.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { benchApi } from './api/index.ts'
import { benchDeployOverhead } from './deploy/overhead.ts'
import { benchIncident } from './incident/index.ts'
import { benchSwitch } from './deploy/switch.ts'
import { benchTraffic } from './deploy/traffic.ts'
import { benchJournal } from './journal.ts'
import { benchSnapshots } from './snapshots.ts'
import type { BenchResult } from './report.ts'
import { toMarkdown } from './report.ts'

const suites: Record<string, (args: { events: number }) => Promise<BenchResult>> = {
  journal: benchJournal,
  snapshots: () => benchSnapshots(),
  deploy: benchDeployOverhead,
  switch: benchSwitch,
  traffic: benchTraffic,
  api: () => benchApi(),
  incident: () => benchIncident(),
}

/** Suites that run as their own scripts (they write their own section of docs/benchmarks.md with --write). */
const scripts: Record<string, string> = {
  logs: 'bench/logs/loghub.ts',
  secrets: 'bench/preflight/secrets.ts',
}

const argv = process.argv.slice(2)
const write = argv.includes('--write')
const eventsAt = argv.indexOf('--events')
const events = eventsAt >= 0 ? Number(argv[eventsAt + 1]) : 1_000_000
const names = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--events')
const chosen = names.length ? names : [...Object.keys(suites), ...Object.keys(scripts)]

for (const name of chosen) {
  const suite = suites[name]
  if (scripts[name]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', scripts[name], ...(write ? ['--write'] : [])], {
      stdio: 'inherit',
    })
    if (r.status !== 0) process.exit(r.status ?? 1)
    continue
  }
  if (!suite) {
    console.error(
      `unknown benchmark "${name}"; known: ${[...Object.keys(suites), ...Object.keys(scripts)].join(', ')}`,
    )
    process.exit(2)
  }
  const result = await suite({ events })
  const md = toMarkdown(result)
  console.log(`## ${result.title}\n\n${md}\n`)
  if (write)
    writeSection(
      result.title,
      md,
      `npm run bench -- ${name}${eventsAt >= 0 ? ` --events ${events}` : ''} --write`,
    )
}

function writeSection(title: string, body: string, command: string): void {
  const path = new URL('../docs/benchmarks.md', import.meta.url)
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n'
  const section = `## ${title}\n\nCommand: \`${command}\` (${new Date().toISOString().slice(0, 10)}, 2-core machine; compare the ratios, absolute figures vary with load)\n\n${body}\n`
  const re = new RegExp(`## ${title}\\n[\\s\\S]*?(?=\\n## |$)`)
  writeFileSync(path, re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}`)
}
