/**
 * @module Starting a local `rina serve` for a workspace that has a rina.yml when none answers, and making a
 * token for the person with `rina token create`. Uses the workspace's own rina (node_modules/.bin) when present,
 * else `npx --no-install rina`, else the rinawarp.rinaPath setting.
 */
import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface RinaCommand {
  command: string
  args: string[]
}

export function rinaCommand(folder: string, configured: string): RinaCommand {
  if (configured) return { command: configured, args: [] }
  const local = join(folder, 'node_modules', '.bin', 'rina')
  if (existsSync(local)) return { command: local, args: [] }
  return { command: 'npx', args: ['--no-install', 'rina'] }
}

/** The folder holding rina.yml: the workspace folder itself, or null. */
export function configFolder(folders: readonly string[]): string | null {
  return folders.find((f) => existsSync(join(f, 'rina.yml'))) ?? null
}

export function startRinaServe(rina: RinaCommand, folder: string, port: number): ChildProcess {
  return spawn(rina.command, [...rina.args, 'serve', '--port', String(port)], {
    cwd: folder,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: 'ignore',
  })
}

export async function createToken(
  rina: RinaCommand,
  folder: string,
  user: string,
): Promise<{ ok: true; secret: string } | { ok: false; reason: string }> {
  const args = [...rina.args, 'token', 'create', '--user', user, '--role', 'approver', '--json']
  return new Promise((resolve) => {
    execFile(rina.command, args, { cwd: folder, env: { ...process.env, NO_COLOR: '1' } }, (e, out, err) => {
      if (e) return resolve({ ok: false, reason: String(err).trim() || e.message })
      try {
        resolve({ ok: true, secret: (JSON.parse(String(out)) as { secret: string }).secret })
      } catch {
        resolve({ ok: false, reason: 'rina token create printed no JSON' })
      }
    })
  })
}

/** The person behind the editor: git's user.email in the folder, else the OS user. */
export function localUser(folder: string): Promise<string> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.email'], { cwd: folder }, (e, out) => {
      const email = String(out).trim()
      resolve(!e && email ? email : `${process.env.USER ?? 'developer'}@localhost`)
    })
  })
}
