/**
 * @module Recent logs for the manual trigger: the last lines (2,000 by default) of each `file` log source of an
 * environment, through the log analysis (templates, severity, anomalies with the current release marked). Its
 * anomalies become incident signals, and a source whose recent events are errors at a high share (at least 5%
 * and 3 events) adds an `error-rate` signal quoting its most frequent error.
 */
import { open } from 'node:fs/promises'
import { resolve } from 'node:path'
import { fromLogSignal } from '../analysis/incident/signals.ts'
import type { Signal } from '../analysis/incident/types.ts'
import type { Analysis } from '../analysis/logs/analyzer.ts'
import { createLogAnalyzer } from '../analysis/logs/analyzer.ts'
import type { Signal as LogSignal } from '../analysis/logs/anomaly.ts'
import { compileMasks } from '../analysis/logs/masks.ts'
import { redact } from '../analysis/logs/redact.ts'
import type { CommandContext } from './context.ts'

export const RECENT_LINES = 2_000
const MIN_ERROR_SHARE = 0.05
const MIN_ERRORS = 3
const CHUNK = 64 * 1024
/** Bytes read from the end at most, whatever the line count. */
const MAX_BYTES = 8 * 1024 * 1024

export interface SourceReading {
  name: string
  service: string
  path: string
  lines: number
  events: number
  errors: number
  /** Why the file could not be read, e.g. ENOENT. */
  error: string | null
}

export interface RecentLogs {
  sources: SourceReading[]
  signals: Signal[]
}

/** The last `n` lines of a file, read backwards in chunks. */
export async function tailLines(path: string, n: number): Promise<string[]> {
  const fh = await open(path, 'r')
  try {
    const { size } = await fh.stat()
    const parts: Buffer[] = []
    let pos = size
    let newlines = 0
    while (pos > 0 && newlines <= n && size - pos < MAX_BYTES) {
      const len = Math.min(CHUNK, pos)
      pos -= len
      const buf = Buffer.alloc(len)
      await fh.read(buf, 0, len, pos)
      parts.unshift(buf)
      for (const b of buf) if (b === 10) newlines++
    }
    const lines = Buffer.concat(parts).toString('utf8').split('\n')
    if (lines.at(-1) === '') lines.pop()
    // A partial first line (the read stopped mid-file) is dropped.
    if (pos > 0) lines.shift()
    return lines.slice(-n)
  } finally {
    await fh.close()
  }
}

const isError = (s: string) => s === 'error' || s === 'fatal'

interface Tally {
  template: string
  count: number
  examples: string[]
}

/** Template keys stable across runs and sources (the analyzer's cluster ids restart with every analyzer). */
const stableKey = (source: string, text: string) => `${source}|${text}`

export async function analyzeRecentLogs(
  ctx: CommandContext,
  env: string,
  opts: { now: Date; release?: { id: string; at: string } | null; lines?: number },
): Promise<RecentLogs> {
  const services = ctx.config.environments[env]?.services ?? {}
  const files = Object.entries(services).flatMap(([service, s]) =>
    s.logs.flatMap((c, index) =>
      c.type === 'file'
        ? [{ service, config: c, name: `${env}/${service}${s.logs.length > 1 ? `#${index + 1}` : ''}` }]
        : [],
    ),
  )
  const out: RecentLogs = { sources: [], signals: [] }
  for (const { service, config, name } of files) {
    const reading: SourceReading = {
      name,
      service,
      path: config.path,
      lines: 0,
      events: 0,
      errors: 0,
      error: null,
    }
    out.sources.push(reading)
    let lines: string[]
    try {
      lines = await tailLines(resolve(ctx.configDir, config.path), opts.lines ?? RECENT_LINES)
    } catch (e) {
      reading.error = (e as NodeJS.ErrnoException).code ?? String(e)
      continue
    }
    const { masks } = compileMasks(config.masks)
    const analyzer = createLogAnalyzer({ format: config.format, source: name, miner: { masks } })
    if (opts.release) analyzer.markRelease(opts.release.id, Date.parse(opts.release.at))
    const anomalies: LogSignal[] = []
    const errors = new Map<string, Tally>()
    const take = (r: Analysis) => {
      anomalies.push(...r.signals)
      for (const e of r.events) {
        reading.events++
        if (!isError(e.severity)) continue
        reading.errors++
        const t = errors.get(e.template) ?? { template: e.template, count: 0, examples: [] }
        t.count++
        if (t.examples.length < 3) t.examples.push(redact(e.event.lines.join('\n')))
        errors.set(e.template, t)
      }
    }
    for (const line of lines) take(analyzer.push(line, { time: opts.now.getTime(), source: name }))
    take(analyzer.flush())
    anomalies.push(...analyzer.tick(opts.now.getTime()))
    reading.lines = lines.length
    const fromAnomalies = anomalies.flatMap((a) => {
      const s = fromLogSignal(a, env, service)
      if (!s) return []
      return s.template ? [{ ...s, template: { ...s.template, key: stableKey(name, s.template.text) } }] : [s]
    })
    out.signals.push(...fromAnomalies, ...errorShare(reading, [...errors.values()], env, opts.now))
  }
  return out
}

function errorShare(r: SourceReading, errors: Tally[], env: string, now: Date): Signal[] {
  const share = r.events ? r.errors / r.events : 0
  if (r.errors < MIN_ERRORS || share < MIN_ERROR_SHARE) return []
  const top = [...errors].sort((a, b) => b.count - a.count)[0]!
  const text = redact(top.template)
  return [
    {
      kind: 'error-rate',
      env,
      service: r.service,
      time: now.toISOString(),
      summary: `${r.name}: ${Math.round(share * 100)}% of the last ${r.events} log events are errors; most frequent (${top.count}×): ${text}`,
      evidence: top.examples,
      template: { key: stableKey(r.name, text), text },
      counts: { after: share },
    },
  ]
}
