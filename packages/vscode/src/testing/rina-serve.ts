/** @module A real `rina serve` child process for the VS Code suites, with tokens made by `rina token create`. */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { runRina } from '../../../cli/src/testing/workspace.ts'
import { REPO } from './code-server.ts'

const BIN = join(REPO, 'packages', 'cli', 'bin', 'rina.js')

export interface RinaServe {
  url: string
  token(user: string, role: 'viewer' | 'deployer' | 'approver' | 'admin'): Promise<string>
  /** The journal as the audit API returns it, oldest first. */
  events(
    types?: string,
  ): Promise<
    { type: string; actor: { id: string }; reason: string | null; payload: Record<string, unknown> }[]
  >
  stop(): Promise<void>
}

export async function startRinaServe(
  dir: string,
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<RinaServe> {
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', RINA_USER: 'ops@example.com', CI: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.on('exit', () => reject(new Error(`rina serve exited: ${out}`)))
  })
  let admin: string | null = null
  const token = async (user: string, role: string) => {
    const r = await runRina(dir, ['token', 'create', '--user', user, '--role', role, '--json'], { CI: '' })
    if (r.code !== 0) throw new Error(`rina token create: ${r.stderr}`)
    return (JSON.parse(r.stdout) as { secret: string }).secret
  }
  return {
    url,
    token,
    events: async (types) => {
      admin ??= await token('auditor@example.com', 'viewer')
      const q = types ? `?types=${encodeURIComponent(types)}&limit=1000` : '?limit=1000'
      const res = await fetch(`${url}/api/v1/audit/events${q}`, {
        headers: { authorization: `Bearer ${admin}` },
      })
      if (!res.ok) throw new Error(`audit events: ${res.status} ${await res.text()}`)
      return ((await res.json()) as { events: [] }).events
    },
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      await once(child, 'exit')
    },
  }
}
