/**
 * @module The log analysis pipeline over raw lines: preprocess → fold stack traces → mine templates → classify
 * severity → detect anomalies. Pure and synchronous: the caller feeds lines (with an arrival time when lines
 * carry none) and gets back events and signals. Memory is bounded by the miner's and detector's limits.
 */
import { createAnomalyDetector } from './anomaly.ts'
import type { AnomalyOptions, Signal } from './anomaly.ts'
import { levelOfText, severityOf } from './classify.ts'
import type { Severity } from './classify.ts'
import { createFolder } from './fold.ts'
import type { LogEvent } from './fold.ts'
import { levelRank } from './levels.ts'
import type { LogLevel } from './levels.ts'
import { createMiner } from './miner.ts'
import type { MinerOptions, MinerStats } from './miner.ts'
import { preprocess } from './preprocess.ts'
import type { PreprocessOptions } from './preprocess.ts'

export interface AnalyzerOptions extends PreprocessOptions {
  miner?: MinerOptions
  anomaly?: AnomalyOptions
  /** Source name for lines whose header names none. Default 'default'. */
  source?: string
}

export interface AnalyzedEvent {
  event: LogEvent
  /** Cluster id and template key (see MineResult). */
  id: number
  key: string
  template: string
  params: string[]
  level: LogLevel | null
  severity: Severity
}

export interface TemplateSummary {
  id: number
  template: string
  count: number
  level: LogLevel | null
  severity: Severity
  firstSeen: number | null
  exception: boolean
}

export interface Analysis {
  events: AnalyzedEvent[]
  signals: Signal[]
}

export interface LogAnalyzer {
  /** Feeds one raw line; `at.time` (epoch ms) stands in when the line carries no time of its own. */
  push(raw: string, at?: { time?: number; source?: string }): Analysis
  /** Ends the pending event (e.g. at the end of a file). */
  flush(): Analysis
  tick(now: number): Signal[]
  markRelease(id: string, time: number): void
  templates(): TemplateSummary[]
  stats(): MinerStats & { events: number }
}

interface Tally {
  template: string
  count: number
  level: LogLevel | null
  firstSeen: number | null
  exception: boolean
}

const higher = (a: LogLevel | null, b: LogLevel | null): LogLevel | null =>
  a === null ? b : b === null ? a : levelRank(a) >= levelRank(b) ? a : b

export function createLogAnalyzer(options: AnalyzerOptions = {}): LogAnalyzer {
  const miner = createMiner(options.miner)
  const detector = createAnomalyDetector(options.anomaly)
  const folder = createFolder()
  const defaultSource = options.source ?? 'default'
  const maxTallies = options.miner?.maxClusters ?? 10_000
  const tallies = new Map<number, Tally>()
  let events = 0

  // A template's share of the stream means something only once the stream has some length.
  const severityFor = (t: Tally) =>
    severityOf({
      level: t.level,
      text: t.template,
      share: events >= 100 ? t.count / events : 0,
      exception: t.exception,
    })

  const analyze = (folded: LogEvent[]): Analysis => {
    const out: Analysis = { events: [], signals: [] }
    for (const e of folded) {
      events++
      const first = e.exceptions[0]
      const text = e.message.trim() !== '' ? e.message : first ? `${first.type}: ${first.message}` : e.raw
      const r = miner.add(text)
      const level = e.level ?? levelOfText(e.message)
      let t = tallies.get(r.id)
      if (t === undefined) {
        if (tallies.size >= maxTallies) tallies.delete(tallies.keys().next().value!)
        t = { template: r.template, count: 0, level: null, firstSeen: e.time, exception: false }
      } else tallies.delete(r.id)
      tallies.set(r.id, t)
      t.template = r.template
      t.count++
      t.level = higher(t.level, level)
      t.exception ||= e.frames.length > 0
      const severity = severityFor(t)
      out.events.push({
        event: e,
        id: r.id,
        key: r.key,
        template: r.template,
        params: r.params,
        level,
        severity,
      })
      if (e.time === null) continue
      const source = e.source ?? defaultSource
      const line = e.lines.join('\n')
      out.signals.push(
        ...detector.observe({
          key: String(r.id),
          template: r.template,
          time: e.time,
          source,
          severity,
          line,
        }),
      )
    }
    return out
  }

  return {
    push(raw, at = {}) {
      const line = preprocess(raw, options)
      line.time ??= at.time ?? null
      line.source ??= at.source ?? null
      return analyze(folder.push(line))
    },
    flush: () => analyze(folder.flush()),
    tick: (now) => detector.tick(now),
    markRelease: (id, time) => detector.markRelease(id, time),
    templates: () =>
      [...tallies.entries()].map(([id, t]) => ({
        id,
        template: t.template,
        count: t.count,
        level: t.level,
        severity: severityFor(t),
        firstSeen: t.firstSeen,
        exception: t.exception,
      })),
    stats: () => ({ ...miner.stats(), events }),
  }
}
