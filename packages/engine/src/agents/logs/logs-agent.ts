/**
 * @module The log analysis agent: follows every configured log source of every environment, runs the log
 * analyzer per source, hands problem signals to incident correlation (recordSignals) and journals the notable
 * ones as `logs.signal`. It also counts error lines per template for deploy verification.
 */
import { compileMasks } from '../../analysis/logs/masks.ts'
import { createLogAnalyzer, type Analysis, type LogAnalyzer } from '../../analysis/logs/analyzer.ts'
import { fromLogSignal } from '../../analysis/incident/signals.ts'
import type { Signal } from '../../analysis/incident/types.ts'
import type { CommandContext } from '../../commands/context.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { redact } from '../../domain/redact.ts'
import { configuredSources, type ConfiguredSource } from '../../logsources/configured.ts'
import type { RecordSignals } from '../record-signals.ts'
import type { Agent } from '../types.ts'
import { createBurstDetector, type BurstDetector, type BurstOptions } from './burst.ts'
import { createErrorCounts, type ErrorCounts } from './error-counts.ts'
import { isNotable, logsSignalPayload } from './notable.ts'

export interface LogsAgentOptions {
  recordSignals: RecordSignals
  /** The sources to follow. Default: every source rina.yml configures, per environment. */
  sources?: (ctx: CommandContext) => ConfiguredSource[]
  /** The sliding-window error burst test that fires within seconds (see burst.ts). */
  burst?: BurstOptions
}

export interface LogsAgent extends Agent {
  readonly errors: ErrorCounts
  /** The sources followed (the server mounts the http-ingest ones). */
  sources(): readonly ConfiguredSource[]
  /** Resolves once lines read so far are analyzed and their signals handled. */
  settled(): Promise<void>
  /** Lines read so far, over all sources. */
  linesRead(): number
}

interface Followed {
  source: ConfiguredSource
  analyzer: LogAnalyzer
  burst: BurstDetector
  /** Lines pushed since the last flush. */
  pending: boolean
  /** A line arrived since the last tick. */
  fresh: boolean
}

const allSources = (ctx: CommandContext) =>
  Object.keys(ctx.config.environments).flatMap((env) =>
    configuredSources(ctx.config, env, undefined, { baseDir: ctx.configDir }),
  )

export function createLogsAgent(opts: LogsAgentOptions): LogsAgent {
  const stop = new AbortController()
  const errors = createErrorCounts()
  const failures: unknown[] = []
  const readers: Promise<void>[] = []
  let followed: Followed[] | null = null
  let work: Promise<void> = Promise.resolve()
  let read = 0

  /** Signals are handled one batch at a time, in the order they were found. */
  const handle = (f: Followed, analysis: Analysis, ctx: CommandContext) => {
    const { env, service } = f.source
    const a = { events: analysis.events, signals: [...analysis.signals] }
    for (const e of a.events) {
      const time = e.event.time ?? ctx.clock.now().getTime()
      const error = e.severity === 'error' || e.severity === 'fatal'
      if (error) errors.add(env, time, e.key, e.template)
      const burst = f.burst.push({ source: f.source.name, time, error, line: e.event.lines[0] ?? '' })
      if (burst) a.signals.push(burst)
    }
    if (a.signals.length === 0) return
    work = work.then(async () => {
      const incident = a.signals
        .map((s) => fromLogSignal(s, env, service))
        .filter((s): s is Signal => s !== null)
        .map((s) => redact(s, ctx.secrets))
      const notable = a.signals.filter(isNotable)
      if (notable.length) {
        await ctx.journal.append(
          notable.map((s) => ({
            type: 'logs.signal' as const,
            actor: ctx.actor,
            reason: null,
            payload: logsSignalPayload(s, { env, service }, ctx.secrets),
          })),
        )
      }
      if (incident.length) await opts.recordSignals(ctx, incident)
    })
    work = work.catch((err: unknown) => void failures.push(err))
  }

  const follow = async (f: Followed, ctx: CommandContext) => {
    const lines = f.source.source.open(null, { signal: stop.signal, now: () => ctx.clock.now() })
    for await (const line of lines) {
      f.pending = f.fresh = true
      read++
      handle(f, f.analyzer.push(line.text, { time: line.receivedAt.getTime(), source: f.source.name }), ctx)
    }
  }

  const start = (ctx: CommandContext): Followed[] =>
    (opts.sources ?? allSources)(ctx).map((source) => {
      const { masks } = compileMasks(source.config.masks)
      const analyzer = createLogAnalyzer({
        format: source.config.format,
        source: source.name,
        miner: { masks },
      })
      const f = { source, analyzer, burst: createBurstDetector(opts.burst), pending: false, fresh: false }
      readers.push(follow(f, ctx).catch((err: unknown) => void (stop.signal.aborted || failures.push(err))))
      return f
    })

  return {
    name: 'logs',
    errors,
    sources: () => (followed ?? []).map((f) => f.source),
    async onEvent(e: JournalEvent) {
      if (e.type !== 'deploy.succeeded' || !followed) return
      const p = (e as JournalEvent<'deploy.succeeded'>).payload
      if (p.kind !== 'deploy') return
      for (const f of followed)
        if (f.source.env === p.env) {
          f.analyzer.markRelease(p.release, Date.parse(e.time))
          f.burst.markRelease(p.release, Date.parse(e.time))
        }
    },
    async onTick(now, ctx) {
      followed ??= start(ctx)
      if (failures.length) throw failures.splice(0)[0]
      for (const f of followed) {
        // An event may still gain stack frames until its source pauses for a whole tick.
        if (f.pending && !f.fresh) {
          handle(f, f.analyzer.flush(), ctx)
          f.pending = false
        }
        f.fresh = false
        handle(f, { events: [], signals: f.analyzer.tick(now.getTime()) }, ctx)
      }
      await work
    },
    async onStop() {
      stop.abort()
      await Promise.all(readers)
      await work
    },
    async settled() {
      await work
    },
    linesRead: () => read,
  }
}
