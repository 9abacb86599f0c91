/**
 * @module The `command` probe: runs `sh -c <run>` in its own process group; exit 0 passes. The detail is the
 * last line the command printed. On abort (timeout or caller) the whole process group is killed, so no
 * child outlives the check.
 */
import { spawn } from 'node:child_process'
import { resolve as resolvePath } from 'node:path'
import type { z } from 'zod'
import { aborted, failed, stopwatch } from '../observation.ts'
import type { Observation, Probe } from '../types.ts'
import type { commandProbeSchema } from './schema.ts'

export type CommandProbeConfig = z.output<typeof commandProbeSchema>

/** Output kept to find the last line; older output is dropped. */
const TAIL_CHARS = 8192
/** After the command exits, how long its output pipes may stay open (held by a background child). */
const SETTLE_MS = 200

export const commandProbe: Probe<CommandProbeConfig> = {
  type: 'command',
  observe(config, ctx) {
    if (ctx.signal.aborted) return Promise.resolve(aborted())
    const elapsed = stopwatch()
    const env: Record<string, string | undefined> = { ...process.env, ...config.env, RINA_PROBE: config.name }
    if (ctx.release !== null) env.RINA_RELEASE = ctx.release
    const child = spawn('sh', ['-c', config.run], {
      cwd: resolvePath(ctx.configDir, config.cwd ?? '.'),
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // The group is already gone.
      }
    }
    let tail = ''
    const keep = (chunk: Buffer) => void (tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS))
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)

    return new Promise<Observation>((resolve) => {
      let settle: ReturnType<typeof setTimeout> | undefined
      let done = false
      const finish = (o: Observation) => {
        if (done) return
        done = true
        clearTimeout(settle)
        ctx.signal.removeEventListener('abort', onAbort)
        child.stdout.destroy()
        child.stderr.destroy()
        resolve(o)
      }
      const onAbort = () => {
        killGroup()
        finish(aborted(elapsed()))
      }
      ctx.signal.addEventListener('abort', onAbort, { once: true })
      child.once('error', (e) => finish(failed(`could not run the command: ${e.message}`, elapsed())))
      child.once('exit', (code, signal) => {
        const latencyMs = elapsed()
        const judge = () => finish(outcome(code, signal, lastLine(tail), latencyMs))
        if (child.stdout.closed && child.stderr.closed) return judge()
        child.once('close', judge)
        settle = setTimeout(() => {
          killGroup()
          judge()
        }, SETTLE_MS)
      })
    })
  },
}

function outcome(code: number | null, signal: string | null, line: string, latencyMs: number): Observation {
  const values = { exitCode: code, ...(signal ? { signal } : {}) }
  if (code === 0)
    return { ok: true, latencyMs, detail: line || `exit 0 in ${Math.round(latencyMs)} ms`, values }
  const how = signal ? `killed by ${signal}` : `exit ${code}`
  return failed(line ? `${how}: ${line}` : how, latencyMs, values)
}

function lastLine(text: string): string {
  const lines = text.split(/\r?\n/).map((l) => l.trim())
  const last = lines.filter((l) => l.length > 0).at(-1) ?? ''
  return last.length > 300 ? `${last.slice(0, 299)}…` : last
}
