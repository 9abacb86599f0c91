/**
 * @module `npm run demo`: the whole flow on the demo fleet (examples/fleet), with the real `rina` binary at every
 * step — preflight, staging deploy with its health gate, review, another person's approval, the gated production
 * deploy (you type "production" when there is a terminal), monitoring; then a fault in the new release, its
 * detection, a freeze, the rollback, the all-clear and the audit trail. Everything it writes stays under one
 * directory it names. `--keep-running` leaves the fleet up afterwards; Ctrl-C stops it cleanly at any point.
 *   npm run demo [-- --dir DIR] [-- --keep-running]
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Fleet } from '../examples/fleet/fleet.ts'
import { createFleet } from '../examples/fleet/fleet.ts'

const args = process.argv.slice(2)
const keepRunning = args.includes('--keep-running')
const dirAt = args.indexOf('--dir')
const dir = dirAt >= 0 ? resolve(args[dirAt + 1]!) : mkdtempSync(join(tmpdir(), 'rina-demo-'))
mkdirSync(dir, { recursive: true })
const bin = fileURLToPath(new URL('../packages/cli/bin/rina.js', import.meta.url))
const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true
const plain = 'NO_COLOR' in process.env || !process.stdout.isTTY
const paint = (code: number, t: string) => (plain ? t : `\x1b[${code}m${t}\x1b[0m`)
const env = { ...process.env, RINA_USER: 'ana@example.com' }

let fleet: Fleet | null = null
let stopping = false
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    await fleet?.stop().catch(() => {})
  }
  process.exit(code)
}
process.on('SIGINT', () => {
  console.log(`\n${paint(33, 'Ctrl-C: stopping the fleet.')} Everything written is under ${dir}`)
  void shutdown(130)
})

function say(title: string, text = ''): void {
  console.log(`\n${paint(1, `━━ ${title}`)}${text ? `\n${paint(2, text)}` : ''}`)
}

/** Runs the real binary, output straight to this terminal; a prompt reaches the person when there is one. */
async function rina(argv: string[], opts: { user?: string; expect?: number[] } = {}): Promise<number> {
  console.log(paint(36, `$ rina ${argv.map((a) => (/[\s"]/.test(a) ? `"${a}"` : a)).join(' ')}`))
  const child = spawn(process.execPath, [bin, ...argv], {
    cwd: dir,
    env: { ...env, ...(opts.user ? { RINA_USER: opts.user } : {}) },
    stdio: [interactive ? 'inherit' : 'ignore', 'inherit', 'inherit'],
  })
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? 1)))
  if (!(opts.expect ?? [0]).includes(code)) {
    console.log(paint(31, `(exit ${code}: not what the story expected; the workspace is kept in ${dir})`))
    await shutdown(1)
  }
  return code
}

/** Runs the real binary and returns its stdout (for ids the story needs later). */
async function capture(argv: string[]): Promise<string> {
  const child = spawn(process.execPath, [bin, ...argv], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  await new Promise((r) => child.on('close', r))
  return out
}

function git(...a: string[]): void {
  execFileSync('git', a, { cwd: dir, stdio: 'ignore' })
}

/** The application change that 1.1.0 ships, as commits in the demo workspace (preflight reads them). */
function commitApp(version: string, files: Record<string, string>): void {
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true })
    writeFileSync(join(dir, p), content)
  }
  git('add', '-A')
  git('commit', '-q', '-m', `api: release ${version}`)
}

console.log(`${paint(1, 'RinaWarp Deploy demo')} — everything is written under ${dir}`)
fleet = await createFleet({ dir, project: 'demo' })
writeFileSync(
  join(dir, '.gitignore'),
  '.rina/\nlogs/\nrun/\ndata/\nbuilds/\nstaging/\nproduction/\nfleet.json\n',
)
git('init', '-q', '-b', 'main')
git('config', 'user.email', 'ana@example.com')
git('config', 'user.name', 'Ana')
commitApp('1.0.0', {
  'app/api/items.js':
    "export function listItems(db) {\n  return db.query('SELECT id, name FROM items ORDER BY id')\n}\n",
})
fleet.build('1.0.0')
await fleet.start()

say(
  'The scene',
  'A website, an API, a worker and an Electron update feed run in staging and production on loopback ports.\n' +
    'Yesterday release 1.0.0 went out through the same path; we replay that quickly.',
)
await rina(['deploy', 'staging', '--release', '1.0.0'])
await rina(['approve', '1.0.0', '--env', 'production', '--reason', 'yesterday: reviewed and approved'], {
  user: 'bo@example.com',
})
await rina(['deploy', 'production', '--release', '1.0.0'], { expect: interactive ? [0, 3] : [0] }).then(
  async (code) => {
    if (code === 3) await rina(['deploy', 'production', '--release', '1.0.0'])
  },
)

say('Today: a change to the API', 'Ana adds search and a column to the items table; the build is 1.1.0.')
commitApp('1.1.0', {
  'app/api/items.js':
    "export function listItems(db, q) {\n  // TODO: paginate\n  console.log('search', q)\n  return db.query('SELECT id, name, tags FROM items WHERE name LIKE $1 ORDER BY id', [`%${q}%`])\n}\n",
  'migrations/002_items_tags.sql':
    'ALTER TABLE items ADD COLUMN tags text;\nCREATE INDEX items_tags_idx ON items (tags);\n',
})
fleet.build('1.1.0')

say(
  '1. Preflight',
  'What is about to ship, compared with what runs on staging: findings, risk score, decision.',
)
await rina(['preflight'], { expect: [0, 1] })

say(
  '2. Deploy to staging',
  'Preflight again (journaled on the release), the lock, each service in order, the health gate, a soak.',
)
await rina(['deploy', 'staging', '--release', '1.1.0'])

say('3. Validation', 'Every probe of staging, now.')
await rina(['health-check', 'staging'])

say('4. Review', 'What an approver sees: commits, preflight findings, staging validation and the soak.')
await rina(['review', '1.1.0'])

say('5. Approval', 'Bo, not Ana who asked for the release, approves it for production.')
await rina(['approve', '1.1.0', '--env', 'production', '--reason', 'diff and soak look fine'], {
  user: 'bo@example.com',
})

say(
  '6. Production',
  interactive
    ? 'Gates: freeze, passed staging, approvals, production healthy now. Then type "production" to confirm.'
    : 'Gates: freeze, passed staging, approvals, production healthy now. No terminal here, so the prior approval\n' +
        "by a person confirms it (agents and CI are refused). On a terminal you would type 'production'.",
)
let prod = await rina(['deploy', 'production', '--release', '1.1.0'], { expect: interactive ? [0, 3] : [0] })
while (prod === 3) {
  console.log(paint(33, 'Not confirmed — type production exactly to go on (Ctrl-C to stop).'))
  prod = await rina(['deploy', 'production', '--release', '1.1.0'], { expect: [0, 3] })
}

say('7. Monitoring', 'Production is watched: every probe, and the state of every environment.')
await rina(['health-check', 'production'])
await rina(['status'])

say(
  '8. Something breaks',
  'A fault is switched on in the new API release in production: every request fails.',
)
await fleet.fault('production', 'api', { errorRate: 1 })
await new Promise((r) => setTimeout(r, 1_000))
await rina(['health-check', 'production'], { expect: [1] })

say(
  '9. Incident response',
  'The response analyses health and logs now: it opens an incident with a severity and its factors, ranks causes,\n' +
    'prepares the rollback and recommends the next command. Freezing and rolling back stay human decisions.',
)
await rina(['incident-response'], { expect: [0, 1] })
const listed = JSON.parse(await capture(['incident', 'list', '--json'])) as { incidents: { id: string }[] }
const incident = listed.incidents[0]!.id
await rina(['incident', 'ack', incident])
await rina(['freeze', 'enable', '--reason', 'api failing since 1.1.0', '--until', '2h'])
await rina(['notify', 'Production API failing since 1.1.0; rolling back to 1.0.0', '--severity', 'critical'])
await rina(['rollback', 'production', '--reason', 'api errors after 1.1.0'])

say(
  '10. Recovery',
  'Healthy on 1.0.0 again: resolve (a postmortem draft is written), then the guided recovery path.',
)
await rina(['incident', 'resolve', incident, '--reason', 'rolled back to 1.0.0; fix the API before 1.1.1'])
await rina([
  'incident',
  'recover',
  incident,
  '--step',
  'unfreeze',
  '--reason',
  'rolled back to 1.0.0, healthy',
])
await rina(['incident', 'recover', incident, '--step', 'verify'])
await rina(['incident', 'recover', incident, '--step', 'update'])
await rina(['incident', 'recover', incident, '--step', 'resume'])

say('11. The audit trail', 'Every step above is a hash-chained event; verify it.')
await rina(['audit', 'log', '--limit', '15'])
await rina(['audit', 'verify'])

if (keepRunning) {
  console.log(`\nThe fleet keeps running (Ctrl-C stops it). Try, in ${dir}:`)
  console.log(`  npx --prefix ${fileURLToPath(new URL('..', import.meta.url))} rina status`)
  for (const [e, s] of Object.entries(fleet.urls)) console.log(`  ${e}: website ${s.website}  api ${s.api}`)
  await new Promise(() => {})
}
console.log(
  `\n${paint(32, 'The story is told.')} The workspace stays in ${dir} (rerun with --keep-running to explore).`,
)
await shutdown(0)
