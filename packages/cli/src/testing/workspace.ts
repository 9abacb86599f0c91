/** @module End-to-end helpers: a temporary git workspace built from an inline file map, and the real `rina` binary. */
import { spawn, execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/rina.js', import.meta.url))

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export interface Workspace {
  dir: string
  write(files: Record<string, string>): void
  rina(args: string[], opts?: { env?: Record<string, string | undefined> }): Promise<CliResult>
  dispose(): void
}

export function workspace(files: Record<string, string> = {}, opts: { git?: boolean } = {}): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'rina-e2e-'))
  const write = (map: Record<string, string>) => {
    for (const [p, content] of Object.entries(map)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true })
      writeFileSync(join(dir, p), content)
    }
  }
  write(files)
  if (opts.git !== false) {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: dir, stdio: 'ignore' })
    git('init', '-q', '-b', 'main')
    git('config', 'user.email', 'dev@example.com')
    git('config', 'user.name', 'Dev')
  }
  return {
    dir,
    write,
    rina: (args, o = {}) => runRina(dir, args, o.env ?? {}),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}

export function runRina(
  cwd: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const base = { ...process.env, NO_COLOR: '1', RINA_USER: 'ana@example.com' }
    // Tests decide for themselves whether rina runs "in CI"; the runner's own CI variable must not leak in.
    delete (base as Record<string, string | undefined>).FORCE_COLOR
    delete (base as Record<string, string | undefined>).CI
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}
