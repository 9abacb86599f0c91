/**
 * @module Runs one shell command for a provider: `sh -c` in its own process group, output streamed line by line,
 * and the whole group stopped (SIGTERM, then SIGKILL after a grace period) on timeout or abort. The group's shell
 * waits until the caller has recorded the group (see `started`), so no command runs unrecorded. The result is a
 * value describing how the command ended; nothing here throws for a command that fails.
 */
import { spawn } from 'node:child_process'
import { stat } from 'node:fs/promises'
import type { ProcessGroupRef } from '../domain/events.ts'
import { recordGroup } from './group-identity.ts'
import { lineSplitter } from './lines.ts'
import { groupAlive, signalGroup } from './process-group.ts'

/** After the shell exits, how long its output pipes may stay open (held by a background child) before we stop reading. */
export const DRAIN_MS = 200

/** While a stopped group still has members, how often to look whether they are gone. */
const RECHECK_MS = 25

/**
 * The group's leader: waits for one line on stdin, then becomes the command (same pid, so the same group and start
 * time). End of input without that line (the caller failed to record it, or died) ends it before anything runs.
 */
const LEADER = 'read -r _ || exit 125; exec sh -c "$1" </dev/null'

export interface CommandRun {
  command: string
  cwd: string
  /** The complete environment of the command. */
  env: Readonly<Record<string, string | undefined>>
  /** No limit when undefined. */
  timeoutMs?: number | undefined
  signal: AbortSignal
  log(line: string, stream: 'stdout' | 'stderr'): void
  now(): Date
  /** Time between SIGTERM and SIGKILL when the command is stopped. */
  graceMs: number
  /**
   * Called once the group exists, before the command runs: the command waits until the promise settles, and does
   * not run at all when it rejects (the rejection becomes the start error).
   */
  started?(group: ProcessGroupRef): Promise<void>
}

export interface CommandResult {
  exitCode: number | null
  /** The signal that ended the shell, when one did. */
  signal: string | null
  timedOut: boolean
  aborted: boolean
  /** Why the command could not be started at all (missing working directory, no shell). */
  startError: string | null
  /** How long the command ran, from its release (once its group was recorded) to its end. */
  durationMs: number
  lastStderr: string | null
  lastStdout: string | null
  /** Process group id (the shell's pid), when it started. */
  pgid: number | null
}

export async function runCommand(run: CommandRun): Promise<CommandResult> {
  const started = run.now().getTime()
  const result: CommandResult = {
    exitCode: null,
    signal: null,
    timedOut: false,
    aborted: false,
    startError: null,
    durationMs: 0,
    lastStderr: null,
    lastStdout: null,
    pgid: null,
  }
  if (run.signal.aborted) return { ...result, aborted: true }
  const badCwd = await checkDir(run.cwd)
  if (badCwd !== null) return { ...result, startError: badCwd, durationMs: run.now().getTime() - started }

  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', LEADER, 'sh', run.command], {
      cwd: run.cwd,
      env: definedOnly(run.env),
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const pgid = child.pid ?? null
    result.pgid = pgid
    // the leader may be gone before it reads its line (stopped meanwhile): a write error then means nothing
    child.stdin.on('error', () => {})
    const onGroup = run.started
    // durationMs is the time the command itself ran: from its release after the record to its end
    let ranFrom = started
    if (pgid !== null) {
      const recorded = onGroup ? (async () => onGroup(recordGroup(pgid)))() : Promise.resolve()
      recorded.then(
        () => {
          ranFrom = run.now().getTime()
          child.stdin.end('\n')
        },
        (e: unknown) => {
          result.startError = `its process group could not be recorded: ${e instanceof Error ? e.message : String(e)}`
          child.stdin.end()
        },
      )
    }
    const out = lineSplitter((line) => {
      if (line.trim() !== '') result.lastStdout = line
      run.log(line, 'stdout')
    })
    const err = lineSplitter((line) => {
      if (line.trim() !== '') result.lastStderr = line
      run.log(line, 'stderr')
    })
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => err.push(c))

    let exited = false
    let closed = false
    let stopping = false
    let hardKilled = false
    let settled = false
    const timers: ReturnType<typeof setTimeout>[] = []
    let drain: ReturnType<typeof setTimeout> | undefined
    let recheck: ReturnType<typeof setTimeout> | undefined

    const finish = () => {
      if (settled) return
      settled = true
      for (const t of timers) clearTimeout(t)
      if (drain) clearTimeout(drain)
      if (recheck) clearTimeout(recheck)
      run.signal.removeEventListener('abort', onAbort)
      child.stdout.destroy()
      child.stderr.destroy()
      out.end()
      err.end()
      result.durationMs = run.now().getTime() - ranFrom
      resolve(result)
    }
    const settle = () => {
      if (!exited) return
      if (stopping && !hardKilled && pgid !== null && groupAlive(pgid)) {
        // a child of the shell is still on its way out: look again shortly (SIGKILL follows at the grace period)
        recheck ??= setTimeout(() => {
          recheck = undefined
          settle()
        }, RECHECK_MS)
        return
      }
      if (closed) return finish()
      drain ??= setTimeout(finish, DRAIN_MS)
    }
    const stop = () => {
      if (stopping || exited || pgid === null) return
      stopping = true
      signalGroup(pgid, 'SIGTERM')
      timers.push(
        setTimeout(() => {
          hardKilled = true
          signalGroup(pgid, 'SIGKILL')
          settle()
        }, run.graceMs),
      )
    }
    const onAbort = () => {
      if (exited) return
      result.aborted = true
      stop()
    }

    run.signal.addEventListener('abort', onAbort, { once: true })
    if (run.timeoutMs !== undefined)
      timers.push(
        setTimeout(() => {
          if (exited) return
          result.timedOut = true
          stop()
        }, run.timeoutMs),
      )
    child.on('error', (e) => {
      if (pgid !== null) return
      result.startError = e.message
      finish()
    })
    child.on('exit', (code, signal) => {
      exited = true
      result.exitCode = code
      result.signal = signal
      settle()
    })
    child.on('close', () => {
      closed = true
      settle()
    })
  })
}

async function checkDir(path: string): Promise<string | null> {
  try {
    return (await stat(path)).isDirectory() ? null : `working directory ${path} is not a directory`
  } catch {
    return `working directory ${path} does not exist`
  }
}

function definedOnly(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v
  return out
}
