#!/usr/bin/env node
// Installs and starts the system parts the tests need, idempotently. Fast when everything is already there.
// PostgreSQL: the store tests use RINA_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test). When that
// server is local and not answering, start the cluster; when PostgreSQL is not installed, install it with apt-get.
// When CI=true a missing PostgreSQL fails this script; locally it only warns, and the PostgreSQL tests skip.
// RINA_TEST_PG_CLUSTER names the Debian cluster to start (default main).
// Chromium: the dashboard's browser tests drive Debian's chromium (/usr/bin/chromium) headless through
// playwright-core, which never downloads a browser of its own. When it is missing, install it with apt-get.
// VS Code: the extension's suites run in code-server, installed from npm by scripts/vscode-e2e.sh.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'

const CI = process.env.CI === 'true'
const PG_URL = process.env.RINA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const PG_CLUSTER = process.env.RINA_TEST_PG_CLUSTER ?? 'main'
const CHROMIUM = '/usr/bin/chromium'
let aptUpdated = null

const problems = []
ensurePostgres()
ensureChromium()
ensureCodeServer()

if (problems.length > 0) {
  for (const p of problems) console.error(`ensure-system: ${p}`)
  if (CI) process.exit(1)
  console.error('ensure-system: continuing; the tests that need these parts will skip and say why')
}

function ensurePostgres() {
  const url = new URL(PG_URL)
  const host = url.hostname || '127.0.0.1'
  const port = url.port || '5432'
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)
  const where = `${host}:${port}${url.pathname}`

  if (!isReady(host, port)) {
    if (!local)
      return problems.push(
        `PostgreSQL at ${where} does not answer and is not local, so it is not started here`,
      )
    let installedNow = false
    if (clusterVersions().length === 0) {
      if (!install())
        return problems.push('PostgreSQL is not installed and could not be installed with apt-get')
      installedNow = true
    }
    const started = start()
    if (started === 'failed')
      return problems.push('PostgreSQL is installed but its cluster could not be started')
    if (started === 'already-running' || !waitReady(host, port)) {
      return problems.push(
        `PostgreSQL runs but ${host}:${port} does not answer (check the port in RINA_TEST_PG_URL)`,
      )
    }
    if (installedNow || CI) trustLoopback()
  }
  if (canQuery()) return
  if (local) createDatabase(url, port)
  if (!canQuery()) {
    problems.push(
      `PostgreSQL answers at ${host}:${port} but ${redact(url)} cannot be used (role, password or database); ` +
        'set RINA_TEST_PG_URL to a URL that works',
    )
  }
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', ...opts })
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

function hasCommand(cmd) {
  return run('sh', ['-c', `command -v ${cmd}`]).status === 0
}

/** Runs a command as root (directly, or through passwordless sudo); null when neither is possible. */
function asRoot(cmd, args, opts) {
  if (isRoot()) return run(cmd, args, opts)
  if (hasCommand('sudo')) return run('sudo', ['-n', cmd, ...args], opts)
  return null
}

/** Runs a command as the postgres OS user, which reaches the server over its socket with peer auth. */
function asPostgres(cmd, args, opts) {
  if (isRoot()) return run('runuser', ['-u', 'postgres', '--', cmd, ...args], opts)
  if (hasCommand('sudo')) return run('sudo', ['-n', '-u', 'postgres', cmd, ...args], opts)
  return null
}

function isReady(host, port) {
  if (!hasCommand('pg_isready')) return false
  return run('pg_isready', ['-q', '-h', host.replace(/^\[|\]$/g, ''), '-p', port, '-t', '3']).status === 0
}

function waitReady(host, port) {
  for (let i = 0; i < 60; i++) {
    if (isReady(host, port)) return true
    spawnSync('sleep', ['0.5'])
  }
  return false
}

function clusterVersions() {
  if (!existsSync('/etc/postgresql')) return []
  return readdirSync('/etc/postgresql')
    .filter((v) => existsSync(`/etc/postgresql/${v}/${PG_CLUSTER}/postgresql.conf`))
    .sort((a, b) => Number(b) - Number(a))
}

function install() {
  if (!hasCommand('apt-get')) return false
  console.error('ensure-system: installing PostgreSQL (apt-get)')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  if (!aptUpdate()) return false
  const inst = asRoot('apt-get', ['install', '-y', 'postgresql'], { stdio: 'inherit', env })
  return inst !== null && inst.status === 0 && clusterVersions().length > 0
}

/** apt-get update, at most once per run of this script. */
function aptUpdate() {
  if (aptUpdated === null) {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    const r = asRoot('apt-get', ['update'], { stdio: 'inherit', env })
    aptUpdated = r !== null && r.status === 0
  }
  return aptUpdated
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return
  if (!hasCommand('apt-get')) return problems.push(`${CHROMIUM} is missing and apt-get is not available`)
  console.error('ensure-system: installing chromium (apt-get)')
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const ok =
    aptUpdate() && asRoot('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env })?.status === 0
  if (!ok || !existsSync(CHROMIUM))
    problems.push('chromium is not installed and could not be installed with apt-get')
}

/** A real VS Code (code-server from npm) for the *.vscode.test.ts suites; the script is idempotent and fast when present. */
function ensureCodeServer() {
  const script = new URL('./vscode-e2e.sh', import.meta.url).pathname
  const r = spawnSync('bash', [script, 'install'], { stdio: ['ignore', 'ignore', 'inherit'] })
  if (r.status !== 0) problems.push('code-server could not be installed (scripts/vscode-e2e.sh install)')
}

function start() {
  const version = clusterVersions()[0]
  if (!version) return 'failed'
  console.error(`ensure-system: starting PostgreSQL ${version}`)
  const r = asRoot('pg_ctlcluster', ['--skip-systemctl-redirect', version, PG_CLUSTER, 'start'], {
    stdio: 'inherit',
  })
  // Exit status 2 means the cluster was already running.
  if (r?.status === 2) return 'already-running'
  return r?.status === 0 ? 'started' : 'failed'
}

/** On a machine set up just for tests, let local TCP connections in without a password, as the tests expect. */
function trustLoopback() {
  const version = clusterVersions()[0]
  const hba = `/etc/postgresql/${version}/${PG_CLUSTER}/pg_hba.conf`
  if (!existsSync(hba) || !isRoot()) return
  const text = readFileSync(hba, 'utf8')
  if (/^host\s+all\s+all\s+127\.0\.0\.1\/32\s+trust/m.test(text)) return
  writeFileSync(hba, `host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n${text}`)
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, PG_CLUSTER, 'reload'])
}

function canQuery() {
  if (!hasCommand('psql')) return false
  const env = { ...process.env, PGCONNECT_TIMEOUT: '5' }
  return run('psql', ['-w', '-X', '-Atq', '-c', 'SELECT 1', PG_URL], { env }).status === 0
}

/** Creates the test role and database named in the URL when missing. */
function createDatabase(url, port) {
  const role = decodeURIComponent(url.username || 'postgres')
  const db = decodeURIComponent(url.pathname.replace(/^\//, '') || role)
  const lit = (s) => `'${s.replaceAll("'", "''")}'`
  const sql = [
    `SELECT format('CREATE ROLE %I SUPERUSER LOGIN', ${lit(role)}) WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${lit(role)})`,
    `SELECT format('CREATE DATABASE %I OWNER %I', ${lit(db)}, ${lit(role)}) WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = ${lit(db)})`,
  ]
  // \gexec runs each generated statement; CREATE DATABASE cannot run inside a DO block.
  const r = asPostgres('psql', ['-X', '-q', '-p', port, '-v', 'ON_ERROR_STOP=1'], {
    input: sql.map((q) => `${q} \\gexec\n`).join(''),
  })
  if (r && r.status === 0) console.error(`ensure-system: made sure role ${role} and database ${db} exist`)
}

function redact(url) {
  const u = new URL(url.href)
  if (u.password) u.password = '***'
  return u.href
}
