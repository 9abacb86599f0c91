/** @module rina logs parse|analyze|tail: templates per line, a summary of a log, and live lines of an environment. */
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { AnalyzedEvent, LogAnalyzer, LogSignal, TemplateSummary, UserMask } from '@rinawarp/engine'
import {
  compileMasks,
  configuredSources,
  createLogAnalyzer,
  loadConfig,
  mergeSources,
  parseLines,
  RinaError,
  systemClock,
} from '@rinawarp/engine'
import type { Run } from '../io.ts'
import type { Style } from '../output.ts'
import { table } from '../output.ts'

type Format = 'auto' | 'text' | 'json'

interface CommonOpts {
  mask?: string[]
  format?: Format
}

/** `--mask name=regex` flags as user masks; a bad pattern is a usage error. */
function masksOf(flags: readonly string[] = []): UserMask[] {
  const specs = flags.map((f) => {
    const at = f.indexOf('=')
    return at > 0
      ? { name: f.slice(0, at), pattern: f.slice(at + 1) }
      : { name: `mask${f.length}`, pattern: f }
  })
  const { masks, invalid } = compileMasks(specs)
  if (invalid.length > 0) {
    throw new RinaError({
      code: 'USAGE',
      message: `invalid --mask ${invalid[0]!.name}: ${invalid[0]!.reason}`,
      hint: 'write --mask NAME=REGEX, e.g. --mask order=ord-[0-9a-f]+',
    })
  }
  return masks
}

const notFound = (file: string, cause: unknown) =>
  new RinaError({
    code: 'NOT_FOUND',
    message: `cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
    hint: 'pass a readable log file, or - to read standard input',
    cause,
  })

async function readAll(run: Run, file: string): Promise<string> {
  if (file === '-') {
    const parts: Buffer[] = []
    for await (const chunk of run.io.stdin) parts.push(Buffer.from(chunk as Buffer))
    return Buffer.concat(parts).toString('utf8')
  }
  return readFile(resolve(run.io.cwd, file), 'utf8').catch((e: unknown) => {
    throw notFound(file, e)
  })
}

/** Lines one at a time, without holding the file in memory. */
async function* eachLine(run: Run, file: string): AsyncGenerator<string> {
  const input: NodeJS.ReadableStream =
    file === '-' ? run.io.stdin : createReadStream(resolve(run.io.cwd, file))
  const failed = new Promise<never>((_, reject) => input.once('error', (e) => reject(notFound(file, e))))
  failed.catch(() => {})
  const rl = createInterface({ input, crlfDelay: Infinity })
  const it = rl[Symbol.asyncIterator]()
  for (;;) {
    const r = await Promise.race([it.next(), failed])
    if (r.done) return
    yield r.value
  }
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)

/** rina logs parse FILE|- : one template per input line (LogHub's `LineId,EventTemplate` with --csv). */
export async function parse(run: Run, file: string, opts: CommonOpts & { csv?: boolean }): Promise<void> {
  const text = await readAll(run, file)
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  const rows = parseLines(lines, { format: opts.format, miner: { masks: masksOf(opts.mask) } })
  if (opts.csv === true) {
    const out = ['LineId,EventTemplate', ...rows.map((r) => `${r.lineId},${csvCell(r.template)}`)]
    run.io.stdout.write(`${out.join('\n')}\n`)
    return
  }
  const templates = new Set(rows.map((r) => r.key)).size
  run.out.result({ lines: rows.length, templates, rows })
  run.out.line(
    table([['LINE', 'TEMPLATE ID', 'TEMPLATE'], ...rows.map((r) => [String(r.lineId), r.key, r.template])]),
  )
}

const bySeverity: Record<TemplateSummary['severity'], Style | null> = {
  info: null,
  warning: 'yellow',
  error: 'red',
  fatal: 'red',
}
const isError = (s: TemplateSummary['severity']) => s === 'error' || s === 'fatal'
const iso = (t: number | null) => (t === null ? '' : new Date(t).toISOString())

/** rina logs analyze FILE|- : top templates with counts and severity, the errors, and anomalies. */
export async function analyze(run: Run, file: string, opts: CommonOpts & { top?: string }): Promise<void> {
  const top = Math.max(1, Number(opts.top ?? 10) || 10)
  const analyzer = createLogAnalyzer({ format: opts.format, miner: { masks: masksOf(opts.mask) } })
  const anomalies: LogSignal[] = []
  let lines = 0
  for await (const line of eachLine(run, file)) {
    lines++
    anomalies.push(...analyzer.push(line).signals)
  }
  anomalies.push(...analyzer.flush().signals)
  const all = analyzer.templates().sort((a, b) => b.count - a.count || a.id - b.id)
  const errors = all.filter((t) => isError(t.severity))
  const { events } = analyzer.stats()
  const summary = { lines, events, templates: all.length, top: all.slice(0, top), errors, anomalies }
  run.out.result(summary)

  const p = run.out.paint
  const sev = (t: TemplateSummary) =>
    bySeverity[t.severity] ? p(bySeverity[t.severity]!, t.severity) : t.severity
  const rows = (list: TemplateSummary[]) =>
    table([
      ['ID', 'COUNT', 'SEVERITY', 'LEVEL', 'TEMPLATE'],
      ...list.map((t) => [`T${t.id}`, String(t.count), sev(t), t.level ?? '-', t.template]),
    ])
  run.out.line(`${lines} lines, ${events} events, ${all.length} templates`)
  run.out.line(`\n${p('bold', `Top templates`)}\n${rows(summary.top)}`)
  run.out.line(`\n${p('bold', 'Errors')}\n${errors.length ? rows(errors.slice(0, top)) : 'none'}`)
  const anomalyRows = anomalies.map((s) => [
    s.kind,
    s.source,
    iso(s.time),
    `${s.evidence.before.toFixed(2)} → ${s.evidence.after.toFixed(2)}`,
    s.template ?? '',
  ])
  run.out.line(
    `\n${p('bold', 'Anomalies')}\n${anomalies.length ? table([['KIND', 'SOURCE', 'TIME', 'BEFORE → AFTER', 'TEMPLATE'], ...anomalyRows]) : 'none'}`,
  )
}

interface Tracked {
  analyzer: LogAnalyzer
  /** Highest template id printed so far: ids only grow, so a larger one is a new template. */
  highest: number
  dropped: number
}

/** rina logs tail ENV [SERVICE] : live lines with template ids, errors and new templates highlighted. */
export async function tail(
  run: Run,
  env: string,
  service: string | undefined,
  opts: { idle?: string },
): Promise<void> {
  const loaded = await loadConfig({ path: run.global.config, cwd: run.io.cwd, env: run.io.env })
  const all = configuredSources(loaded.config, env, service, { baseDir: loaded.dir })
  for (const s of all.filter((c) => c.config.type === 'http-ingest')) {
    run.out.warn(`${s.name}: http-ingest lines arrive through \`rina serve\`; not tailed here`)
  }
  const sources = all.filter((c) => c.config.type !== 'http-ingest')
  if (sources.length === 0) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `no file or command log sources configured for ${service === undefined ? env : `${env}/${service}`}`,
      hint: 'add `logs:` to the service in rina.yml, e.g. logs: [{ type: file, path: /var/log/api.log }]',
    })
  }
  const tracked = new Map<string, Tracked>()
  for (const s of sources) {
    const { masks } = compileMasks(s.config.masks)
    const analyzer = createLogAnalyzer({ format: s.config.format, source: s.name, miner: { masks } })
    tracked.set(s.name, { analyzer, highest: 0, dropped: 0 })
  }
  const stop = new AbortController()
  const onSignal = () => stop.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const print = (name: string, r: { events: AnalyzedEvent[]; signals: LogSignal[] }) => {
    const t = tracked.get(name)!
    for (const e of r.events) {
      const fresh = e.id > t.highest
      t.highest = Math.max(t.highest, e.id)
      show(run, name, e, fresh)
    }
    for (const s of r.signals) showSignal(run, s)
  }
  const flushAll = () => {
    for (const [name, t] of tracked) print(name, t.analyzer.flush())
  }
  // A pending event (it may still gain stack frames) is shown once its source goes quiet for a moment.
  const idleMs = Math.max(10, Number(opts.idle ?? 200) || 200)
  let idle: NodeJS.Timeout | undefined
  const ticker = setInterval(() => {
    for (const t of tracked.values())
      for (const s of t.analyzer.tick(systemClock.now().getTime())) showSignal(run, s)
  }, 10_000)
  try {
    run.out.warn(`following ${sources.map((s) => s.name).join(', ')} (Ctrl-C stops)`)
    const ctx = { signal: stop.signal, now: () => systemClock.now() }
    for await (const line of mergeSources(sources, ctx)) {
      const t = tracked.get(line.source)!
      print(line.source, t.analyzer.push(line.text, { time: line.receivedAt.getTime(), source: line.source }))
      const load = sources.find((s) => s.name === line.source)!.source.load?.()
      if (load !== undefined && load.dropped > t.dropped) {
        run.out.warn(
          `${line.source}: reader behind, keeping 1 line in ${load.sampledEvery} (${load.dropped} dropped)`,
        )
        t.dropped = load.dropped
      }
      clearTimeout(idle)
      idle = setTimeout(flushAll, idleMs)
    }
  } finally {
    clearTimeout(idle)
    clearInterval(ticker)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    flushAll()
  }
}

function show(run: Run, source: string, e: AnalyzedEvent, fresh: boolean): void {
  if (run.out.json) {
    const time = e.event.time === null ? null : new Date(e.event.time).toISOString()
    const row = {
      time,
      source,
      id: e.id,
      template: e.template,
      severity: e.severity,
      new: fresh,
      lines: e.event.lines,
    }
    run.io.stdout.write(`${JSON.stringify(row)}\n`)
    return
  }
  const p = run.out.paint
  const style = bySeverity[e.severity]
  const [first = '', ...rest] = e.event.lines
  const id = fresh ? p('cyan', `T${e.id} new`) : p('dim', `T${e.id}`)
  run.out.line(`${p('dim', source)} ${id} ${style ? p(style, first) : first}`)
  for (const l of rest) run.out.line(`  ${p('dim', l)}`)
}

function showSignal(run: Run, s: LogSignal): void {
  if (run.out.json) {
    run.io.stdout.write(`${JSON.stringify({ signal: s })}\n`)
    return
  }
  const what = s.template === null ? '' : ` ${s.template}`
  run.out.line(run.out.paint('yellow', `! ${s.kind} ${s.source}${what}`))
}
