/**
 * @module A real VS Code for tests: code-server installed by scripts/vscode-e2e.sh into .vscode-e2e/, started here
 * on a free port with its own user-data and extensions folders, in its own process group so stopping it ends its
 * extension hosts and watchers too. When it cannot be installed or started the suites skip — or fail under CI=true.
 */
import { execFile, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = fileURLToPath(new URL('../../../../', import.meta.url))
export const EXT_DIR = join(REPO, 'packages', 'vscode')
const E2E = join(REPO, '.vscode-e2e')
const SCRIPT = join(REPO, 'scripts', 'vscode-e2e.sh')
const CS_BIN = join(E2E, 'cs', 'node_modules', '.bin', 'code-server')

export interface CodeServer {
  url: string
  port: number
  /** code-server's own log and the extension hosts' logs (for failure messages). */
  log(): string
  stop(): Promise<void>
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = REPO) {
  return new Promise<{ code: number; out: string }>((resolve) => {
    execFile(cmd, args, { cwd, env, maxBuffer: 32 * 1024 * 1024 }, (e, stdout, stderr) =>
      resolve({ code: e ? ((e as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
    )
  })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
    s.on('error', reject)
  })
}

const xdg = () => ({
  ...process.env,
  XDG_CONFIG_HOME: join(E2E, 'xdg', 'config'),
  XDG_DATA_HOME: join(E2E, 'xdg', 'data'),
  XDG_CACHE_HOME: join(E2E, 'xdg', 'cache'),
})

/** Installs code-server when missing (idempotent); a reason when it cannot. */
export async function installCodeServer(): Promise<string | null> {
  const r = await run('bash', [SCRIPT, 'install'])
  return r.code === 0 ? null : `scripts/vscode-e2e.sh install failed:\n${r.out.slice(-2000)}`
}

/** Bundles the extension and its in-host test entry with esbuild (build.mjs). */
export async function buildExtension(): Promise<void> {
  const b = await run(process.execPath, [join(EXT_DIR, 'build.mjs')])
  if (b.code !== 0) throw new Error(`build failed: ${b.out}`)
}

/** Builds the extension and packages it into a .vsix with @vscode/vsce; answers its path. */
export async function packageExtension(): Promise<string> {
  const vsix = join(EXT_DIR, 'dist', 'rinawarp-deploy.vsix')
  await buildExtension()
  const vsce = join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce')
  const p = await run(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', vsix],
    process.env,
    EXT_DIR,
  )
  if (p.code !== 0) throw new Error(`vsce package failed: ${p.out}`)
  return vsix
}

/** Starts a fresh code-server (own profile); installs the given .vsix into it first. */
export async function startCodeServer(opts: { vsix?: string; folder: string }): Promise<CodeServer> {
  const scratch = mkdtempSync(join(E2E, 'run-'))
  const ud = join(scratch, 'ud')
  const ext = join(scratch, 'ext')
  mkdirSync(ud, { recursive: true })
  mkdirSync(ext, { recursive: true })
  const env = xdg()
  if (opts.vsix) {
    const i = await run(
      CS_BIN,
      ['--install-extension', opts.vsix, '--extensions-dir', ext, '--user-data-dir', ud],
      env,
    )
    if (i.code !== 0) throw new Error(`installing the .vsix failed: ${i.out}`)
  }
  const port = await freePort()
  const logFile = join(scratch, 'code-server.log')
  const child = spawn(
    'sh',
    [
      '-c',
      `exec "$0" "$@" > "${logFile}" 2>&1`,
      CS_BIN,
      '--config',
      join(scratch, 'config.yaml'),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--extensions-dir',
      ext,
      '--user-data-dir',
      ud,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      opts.folder,
    ],
    { env, detached: true, stdio: 'ignore' },
  )
  const url = `http://127.0.0.1:${port}`
  const read = (f: string) => {
    try {
      return readFileSync(f, 'utf8')
    } catch {
      return ''
    }
  }
  const hostLogs = () =>
    readdirSync(join(ud, 'logs'), { recursive: true, encoding: 'utf8' })
      .filter((f) => /exthost\d*\.log$|remoteexthost\.log$/.test(f))
      .map((f) => `--- ${f}\n${read(join(ud, 'logs', f)).slice(-3000)}`)
  const log = () =>
    [read(logFile).slice(-3000), ...(existsSync(join(ud, 'logs')) ? hostLogs() : [])].join('\n')
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {
      // already gone
    }
    for (let i = 0; i < 40; i++) {
      try {
        process.kill(-child.pid!, 0)
      } catch {
        break
      }
      await new Promise((r) => setTimeout(r, 250))
    }
    try {
      process.kill(-child.pid!, 'SIGKILL')
    } catch {
      // ended
    }
    rmSync(scratch, { recursive: true, force: true })
  }
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) break
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return { url, port, log, stop }
    await new Promise((r) => setTimeout(r, 250))
  }
  const text = log()
  await stop()
  throw new Error(`code-server did not start:\n${text.slice(-2000)}`)
}
