/**
 * @module Starts the fleet supervisor as a detached process group and stops it again with nothing left behind:
 * SIGTERM (it stops its services), then SIGKILL to the whole group. The IPC channel doubles as a lifeline: when
 * this process dies, the supervisor notices and stops the fleet by itself.
 */
import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { RinaError } from '../../packages/engine/src/errors.ts'
import { FLEET_CODE, fleetPaths } from './layout.ts'

export interface SupervisorHandle {
  pid: number
  /** Control address, e.g. http://127.0.0.1:40123. */
  url: string
  stop(): Promise<void>
}

const STOP_WAIT_MS = 10_000

export async function spawnSupervisor(dir: string): Promise<SupervisorHandle> {
  const paths = fleetPaths(dir)
  mkdirSync(dirname(paths.supervisorLog), { recursive: true })
  const out = openSync(paths.supervisorLog, 'a')
  const env = { ...process.env }
  for (const k of ['NODE_OPTIONS', 'NODE_TEST_CONTEXT']) delete env[k]
  const child = spawn(process.execPath, [FLEET_CODE.supervisor, '--dir', dir], {
    detached: true,
    stdio: ['ignore', out, out, 'ipc'],
    env,
  })
  closeSync(out)
  const pid = child.pid
  if (pid === undefined)
    throw new RinaError({ code: 'INTERNAL', message: 'the fleet supervisor did not start' })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { type?: string; url?: string }) => m.type === 'ready' && resolve(m.url ?? ''))
    child.once('exit', (code) => {
      const tail = existsSync(paths.supervisorLog)
        ? readFileSync(paths.supervisorLog, 'utf8').slice(-2000)
        : ''
      reject(
        new RinaError({
          code: 'INTERNAL',
          message: `the fleet supervisor exited (code ${code}) before it was ready`,
          hint: `see ${paths.supervisorLog}`,
          details: tail,
        }),
      )
    })
  })
  // Let this process exit on its own; the supervisor follows it through the closed channel.
  child.unref()
  child.channel?.unref()

  let stopping: Promise<void> | null = null
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.ref() // keep this process alive until the fleet is down
        signalGroup(pid, 'SIGTERM', true)
        let timer: NodeJS.Timeout | undefined
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))])
        clearTimeout(timer)
      }
      // Whatever is left in the group (a service that ignored SIGTERM) goes now.
      signalGroup(pid, 'SIGKILL', false)
    })())
  return { pid, url, stop }
}

/** Signals the leader only, or the whole process group; a group that is already gone is fine. */
function signalGroup(pid: number, signal: NodeJS.Signals, leaderOnly: boolean): void {
  try {
    process.kill(leaderOnly ? pid : -pid, signal)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e
  }
}
