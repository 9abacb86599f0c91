/**
 * @module Anomaly detection over templates. Time comes from the events (or an explicit `now` in `tick`) and is
 * cut into buckets; each template and source keeps an exponentially weighted mean per bucket, updated lazily so
 * an idle template costs nothing. Closing a bucket tests: template rate spikes (Poisson tail against the learned
 * rate), error-rate spikes per source, and sources gone silent. A template first seen after a release is
 * reported at once, carrying that release. Every signal carries its evidence, with example lines redacted.
 */
import type { Severity } from './classify.ts'
import { poissonTail } from './poisson.ts'
import { redact } from './redact.ts'

export interface AnomalyOptions {
  /** Bucket length in ms. Default 60,000. */
  bucketMs?: number
  /** EWMA weight of the newest bucket. Default 0.05. */
  alpha?: number
  /** Buckets of history a template or source needs before it is tested. Default 10. */
  warmupBuckets?: number
  /** Poisson tail probability under which a count is a spike. Default 1e-4. */
  pValue?: number
  /** Fewest lines in a bucket for a spike. Default 10. */
  minCount?: number
  /** Empty buckets after which a source that used to talk is silent. Default 5. */
  silenceBuckets?: number
  /** Lines per bucket a source must have averaged to be expected to talk. Default 1. */
  minSourceRate?: number
  /** A new template is tied to a release marked at most this long before it. Default 2 h. */
  releaseWindowMs?: number
  /** Templates tracked; the least recently seen are forgotten beyond it. Default 10,000. */
  maxTemplates?: number
}

export interface Observation {
  key: string
  template: string
  time: number
  source: string
  severity: Severity
  line: string
}

export const SIGNAL_KINDS = ['spike', 'error-rate', 'new-template', 'silence'] as const
export type SignalKind = (typeof SIGNAL_KINDS)[number]

export interface Evidence {
  /** Up to three recent lines, secrets redacted. */
  examples: string[]
  /** Expected count per bucket before (the learned mean; for error-rate, the error share). */
  before: number
  /** Count in the bucket that fired (for error-rate, the error share). */
  after: number
  firstSeen: number | null
  release: string | null
  /** Poisson tail probability of `after` given `before`, when a test was made. */
  pValue: number | null
}

export interface Signal {
  kind: SignalKind
  source: string
  /** End of the bucket that fired, or the first-seen time for a new template. */
  time: number
  key: string | null
  template: string | null
  severity: Severity
  evidence: Evidence
}

export interface AnomalyDetector {
  markRelease(id: string, time: number): void
  observe(o: Observation): Signal[]
  /** Closes buckets up to `now`; needed to notice silence when no lines arrive. */
  tick(now: number): Signal[]
}

interface Rate {
  mean: number
  /** Bucket index the mean is current to. */
  last: number
  /** Buckets since the first observation. */
  first: number
}

interface TemplateState extends Rate {
  key: string
  template: string
  source: string
  severity: Severity
  count: number
  firstSeen: number
  examples: string[]
}

interface SourceState extends Rate {
  lines: number
  errors: number
  errorShare: number
  quiet: number
  meanBeforeQuiet: number
  examples: string[]
}

const isError = (s: Severity) => s === 'error' || s === 'fatal'

export function createAnomalyDetector(options: AnomalyOptions = {}): AnomalyDetector {
  const bucketMs = options.bucketMs ?? 60_000
  const alpha = options.alpha ?? 0.05
  const warmup = options.warmupBuckets ?? 10
  const pValue = options.pValue ?? 1e-4
  const minCount = options.minCount ?? 10
  const silenceBuckets = options.silenceBuckets ?? 5
  const minSourceRate = options.minSourceRate ?? 1
  const releaseWindowMs = options.releaseWindowMs ?? 2 * 3_600_000
  const maxTemplates = options.maxTemplates ?? 10_000
  const templates = new Map<string, TemplateState>()
  const sources = new Map<string, SourceState>()
  const releases: { id: string; time: number }[] = []
  const active = new Set<TemplateState>()
  let bucket: number | null = null
  let started: number | null = null

  const decay = (r: Rate, to: number) => {
    if (to > r.last) r.mean *= (1 - alpha) ** (to - r.last)
    r.last = to
  }
  const keep = (list: string[], line: string) => {
    list.push(redact(line))
    if (list.length > 3) list.shift()
  }
  const end = (b: number) => (b + 1) * bucketMs

  const closeTemplate = (t: TemplateState, b: number, out: Signal[]) => {
    decay(t, b)
    const lambda = Math.max(t.mean, 1 / warmup)
    if (b - t.first >= warmup && t.count >= minCount && t.count >= 2 * lambda) {
      const p = poissonTail(t.count, lambda)
      if (p < pValue) {
        const evidence = {
          examples: [...t.examples],
          before: t.mean,
          after: t.count,
          firstSeen: t.firstSeen,
          release: null,
          pValue: p,
        }
        out.push({
          kind: 'spike',
          source: t.source,
          time: end(b),
          key: t.key,
          template: t.template,
          severity: t.severity,
          evidence,
        })
      }
    }
    t.mean = (1 - alpha) * t.mean + alpha * t.count
    t.last = b + 1
    t.count = 0
  }

  const closeSource = (name: string, s: SourceState, b: number, out: Signal[]) => {
    decay(s, b)
    if (s.lines === 0) {
      if (s.quiet === 0) s.meanBeforeQuiet = s.mean
      s.quiet++
      if (s.quiet === silenceBuckets && s.meanBeforeQuiet >= minSourceRate && b - s.first >= warmup) {
        const evidence = {
          examples: [...s.examples],
          before: s.meanBeforeQuiet,
          after: 0,
          firstSeen: null,
          release: null,
          pValue: null,
        }
        out.push({
          kind: 'silence',
          source: name,
          time: end(b),
          key: null,
          template: null,
          severity: 'warning',
          evidence,
        })
      }
    } else {
      s.quiet = 0
      const expected = Math.max(s.errorShare, 0.01) * s.lines
      if (b - s.first >= warmup && s.errors >= minCount / 2 && s.errors / s.lines >= 2 * s.errorShare) {
        const p = poissonTail(s.errors, expected)
        if (p < pValue) {
          const evidence = {
            examples: [...s.examples],
            before: s.errorShare,
            after: s.errors / s.lines,
            firstSeen: null,
            release: null,
            pValue: p,
          }
          out.push({
            kind: 'error-rate',
            source: name,
            time: end(b),
            key: null,
            template: null,
            severity: 'error',
            evidence,
          })
        }
      }
      s.errorShare = (1 - alpha) * s.errorShare + alpha * (s.errors / s.lines)
    }
    s.mean = (1 - alpha) * s.mean + alpha * s.lines
    s.last = b + 1
    s.lines = 0
    s.errors = 0
  }

  /** Closes every bucket before `target`; empty buckets only matter to silence, so they are capped. */
  const advance = (target: number): Signal[] => {
    const out: Signal[] = []
    if (bucket === null || target <= bucket) return out
    for (const t of active) closeTemplate(t, bucket, out)
    active.clear()
    const last = Math.min(target - 1, bucket + silenceBuckets + 1)
    for (let b = bucket; b <= last; b++) for (const [name, s] of sources) closeSource(name, s, b, out)
    bucket = target
    return out
  }

  const newTemplate = (o: Observation, b: number): TemplateState => {
    if (templates.size >= maxTemplates) templates.delete(templates.keys().next().value!)
    return {
      key: o.key,
      template: o.template,
      source: o.source,
      severity: o.severity,
      count: 0,
      firstSeen: o.time,
      examples: [],
      mean: 0,
      last: b,
      first: b,
    }
  }

  return {
    markRelease(id, time) {
      releases.push({ id, time })
      releases.sort((a, b) => a.time - b.time)
    },
    observe(o) {
      const b = Math.floor(o.time / bucketMs)
      bucket ??= b
      started ??= b
      const out = advance(b)
      let t = templates.get(o.key)
      if (t === undefined) {
        t = newTemplate(o, bucket)
        const release = [...releases]
          .reverse()
          .find((r) => r.time <= o.time && o.time - r.time <= releaseWindowMs)
        if (bucket - started >= warmup) {
          const evidence = {
            examples: [redact(o.line)],
            before: 0,
            after: 1,
            firstSeen: o.time,
            release: release?.id ?? null,
            pValue: null,
          }
          out.push({
            kind: 'new-template',
            source: o.source,
            time: o.time,
            key: o.key,
            template: o.template,
            severity: o.severity,
            evidence,
          })
        }
      } else templates.delete(o.key)
      templates.set(o.key, t)
      t.template = o.template
      if (SEVERITY_ORDER.indexOf(o.severity) > SEVERITY_ORDER.indexOf(t.severity)) t.severity = o.severity
      t.count++
      keep(t.examples, o.line)
      active.add(t)
      let s = sources.get(o.source)
      if (s === undefined) {
        s = {
          lines: 0,
          errors: 0,
          errorShare: 0,
          quiet: 0,
          meanBeforeQuiet: 0,
          examples: [],
          mean: 0,
          last: bucket,
          first: bucket,
        }
        sources.set(o.source, s)
      }
      s.lines++
      if (isError(o.severity)) {
        s.errors++
        keep(s.examples, o.line)
      }
      return out
    },
    tick: (now) => advance(Math.floor(now / bucketMs)),
  }
}

const SEVERITY_ORDER: readonly Severity[] = ['info', 'warning', 'error', 'fatal']
