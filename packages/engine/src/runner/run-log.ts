/**
 * @module Records a run's command output in the store: each line is cleaned (terminal escapes and control
 * characters removed) and redacted (known secret values, token shapes and secret-looking fields) before it is
 * kept, then written in batches (every `flushMs`, or at once when `batchLines` are waiting) with one write in
 * flight at a time, so a chatty command never waits for the store. A failing write never fails the run: its lines
 * are counted as dropped and the failure is reported when the recorder closes.
 */
import { redact as redactLogText } from '../analysis/logs/redact.ts'
import { redactString } from '../notifiers/redact.ts'
import { DEFAULT_RUN_LOG_LIMITS } from '../store/run-log.ts'
import type { RunLogLimits, RunLogLine, RunLogStore, RunLogStream } from '../store/types.ts'

export interface RunLogOptions {
  store: RunLogStore
  runId: string
  /** Secret values resolved from rina.yml `${VAR}` references. */
  secrets: readonly string[]
  now(): Date
  /** Longest a line waits before it is written (default 200 ms). */
  flushMs?: number
  /** Lines waiting that start a write at once (default 100). */
  batchLines?: number
  limits?: RunLogLimits
}

export interface RunLogReport {
  /** Lines the run printed. */
  lines: number
  /** Lines lost because the store refused or failed the write. */
  dropped: number
  /** The last write failure, when there was one. */
  error: string | null
}

export interface RunLogRecorder {
  /** Takes one output line; returns at once and never throws. */
  line(text: string, stream: RunLogStream, step: { id: string; service: string } | null): void
  /** Writes what is waiting; resolves when it is written (or counted as dropped). */
  flush(): Promise<void>
  /** Writes the rest and stops taking lines. */
  close(): Promise<RunLogReport>
}

// eslint-disable-next-line no-control-regex -- terminal escape sequences are what it removes
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g
// eslint-disable-next-line no-control-regex -- control characters (all but tab) are what it removes
const CONTROLS = /[\x00-\x08\x0a-\x1f\x7f]/g

/** The line as it may be stored and shown: no terminal escapes or control characters, no secrets. */
export function cleanLogLine(text: string, secrets: readonly string[]): string {
  const plain = text.replace(ESCAPES, '').replace(CONTROLS, '')
  return redactLogText(redactString(plain, secrets))
}

export function recordRunLog(o: RunLogOptions): RunLogRecorder {
  const limits = o.limits ?? DEFAULT_RUN_LOG_LIMITS
  const flushMs = o.flushMs ?? 200
  const batchLines = Math.max(o.batchLines ?? 100, 1)
  let seq = 0
  let pending: RunLogLine[] = []
  let dropped = 0
  let error: string | null = null
  let closed = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let inFlight: Promise<void> | null = null

  const schedule = () => {
    if (timer !== null || pending.length === 0) return
    timer = setTimeout(() => void flush(), flushMs)
    timer.unref?.()
  }
  const write = async (batch: RunLogLine[]) => {
    try {
      await o.store.append(o.runId, batch, limits)
    } catch (e) {
      dropped += batch.filter((l) => l.seq <= limits.maxLines).length
      error = e instanceof Error ? e.message : String(e)
    }
  }
  const pump = async () => {
    while (pending.length > 0) {
      const batch = pending
      pending = []
      await write(batch)
    }
  }
  const flush = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    inFlight ??= pump().finally(() => {
      inFlight = null
      schedule()
    })
    return inFlight
  }

  return {
    line(text, stream, step) {
      if (closed) return
      seq += 1
      const l: RunLogLine = {
        seq,
        time: o.now().toISOString(),
        stream,
        stepId: step?.id ?? null,
        service: step?.service ?? null,
        text: seq > limits.maxLines ? '' : cleanLogLine(text, o.secrets),
      }
      // Past the cap only the newest line matters: the store counts the rest from its seq.
      const last = pending.at(-1)
      if (seq > limits.maxLines && last && last.seq > limits.maxLines) pending[pending.length - 1] = l
      else pending.push(l)
      if (pending.length >= batchLines) void flush()
      else schedule()
    },
    flush,
    async close() {
      closed = true
      do await flush()
      while (pending.length > 0)
      return { lines: seq, dropped, error }
    },
  }
}
