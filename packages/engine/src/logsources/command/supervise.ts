/**
 * @module Runs a shell command for as long as a signal allows: `sh -c` in its own process group, its stdout and
 * stderr split into lines, restarted with exponential backoff (equal jitter) whenever it exits. A run that lasted
 * longer than the longest backoff counts as healthy and resets the backoff. Abort kills the whole group.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createLineSplitter } from '../line-splitter.ts'

export interface SuperviseOptions {
  run: string
  signal: AbortSignal
  onLine(text: string, stream: 'stdout' | 'stderr'): void
  initialBackoffMs: number
  maxBackoffMs: number
  random: () => number
  now: () => Date
  /** Grace between SIGTERM and SIGKILL on abort. Default 2 s. */
  killAfterMs?: number
}

/** Delay before restart number `attempt` (1-based): half the ceiling plus jitter, so never a tight loop. */
export function restartDelay(
  attempt: number,
  initialMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1))
  return Math.floor(ceiling / 2 + (Math.min(Math.max(random(), 0), 1) * ceiling) / 2)
}

function killGroup(child: ChildProcess, killAfterMs: number): void {
  const pid = child.pid
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const kill = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig)
    } catch {
      // the group is already gone
    }
  }
  kill('SIGTERM')
  const timer = setTimeout(() => kill('SIGKILL'), killAfterMs)
  timer.unref()
  child.once('close', () => clearTimeout(timer))
}

function runOnce(opts: SuperviseOptions): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', opts.run], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
    const streams = { stdout: createLineSplitter(), stderr: createLineSplitter() }
    for (const name of ['stdout', 'stderr'] as const) {
      child[name].on('data', (chunk: Buffer) => {
        for (const l of streams[name].push(chunk)) opts.onLine(l.text, name)
      })
    }
    const onAbort = () => killGroup(child, opts.killAfterMs ?? 2_000)
    opts.signal.addEventListener('abort', onAbort, { once: true })
    const done = () => {
      opts.signal.removeEventListener('abort', onAbort)
      for (const name of ['stdout', 'stderr'] as const) {
        const last = streams[name].flush()
        if (last !== null) opts.onLine(last.text, name)
      }
      resolve()
    }
    child.once('error', done)
    child.once('close', done)
  })
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })

/** Resolves once the signal has aborted and the last run has ended. */
export async function supervise(opts: SuperviseOptions): Promise<void> {
  let attempt = 0
  while (!opts.signal.aborted) {
    const started = opts.now().getTime()
    await runOnce(opts)
    if (opts.signal.aborted) return
    attempt = opts.now().getTime() - started >= opts.maxBackoffMs ? 1 : attempt + 1
    await sleep(restartDelay(attempt, opts.initialBackoffMs, opts.maxBackoffMs, opts.random), opts.signal)
  }
}
