#!/usr/bin/env node
// Runs every *.test.ts with Node's built-in test runner (tsx for TypeScript).
// Node 20 runs nothing when given no files, so the files are listed here explicitly.
//   node scripts/test.mjs [--only unit|slow] [path-substring ...]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const args = process.argv.slice(2)
let only = null
const filters = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--only') only = args[++i]
  else filters.push(args[i])
}

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else if (name.endsWith('.test.ts')) out.push(relative(root, p))
  }
  return out
}

let files = walk(join(root, 'packages'), [])
  .concat(safeWalk(join(root, 'test')))
  .concat(safeWalk(join(root, 'examples')))
  .sort()
const isSlow = (f) =>
  f.endsWith('.slow.test.ts') ||
  f.endsWith('.e2e.test.ts') ||
  f.endsWith('.browser.test.ts') ||
  f.endsWith('.vscode.test.ts')
if (only === 'unit') files = files.filter((f) => !isSlow(f))
if (only === 'slow') files = files.filter(isSlow)
if (filters.length) files = files.filter((f) => filters.some((s) => f.includes(s)))
if (files.length === 0) {
  console.error('no test files matched')
  process.exit(1)
}
// Spec output for people, TAP into a file for the closing count line CI reads.
const tapFile = join(mkdtempSync(join(tmpdir(), 'rina-test-')), 'results.tap')
const r = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    // A test that waits for something that never comes fails after five minutes instead of holding the run.
    '--test-timeout=300000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: 'inherit', cwd: root, env: { ...process.env, FORCE_COLOR: '0' } },
)
const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : ''
const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0)
console.log(
  `\n${count('pass')} passed, ${count('fail') + count('cancelled')} failed, ${count('skipped')} skipped`,
)
process.exit(r.status ?? 1)

function safeWalk(dir) {
  try {
    return walk(dir, [])
  } catch {
    return []
  }
}
