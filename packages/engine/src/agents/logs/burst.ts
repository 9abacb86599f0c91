/**
 * @module Error bursts per log source as they happen, pure: the anomaly detector judges whole buckets (a minute)
 * after a warm-up, so a burst of errors right after a deploy would wait for its bucket to close. This sliding
 * window over the last lines (at most a minute old) fires as soon as it holds enough errors at a share well above
 * the source's usual one, once per burst: it re-arms when the share falls back under half the threshold.
 */
import type { Signal as LogSignal } from '../../analysis/logs/anomaly.ts'
import { redact } from '../../analysis/logs/redact.ts'

export interface BurstOptions {
  /** Lines in the sliding window. Default 25. */
  lines?: number
  /** Lines older than this (ms) leave the window too. Default 60,000. */
  maxAgeMs?: number
  /** Fewest error lines in the window for a burst. Default 5. */
  minErrors?: number
  /** Least error share in the window (0..1), and at least 3× the usual share. Default 0.2. */
  minShare?: number
  /** A burst is tied to a release marked at most this long before it. Default 2 h. */
  releaseWindowMs?: number
}

export interface BurstLine {
  source: string
  time: number
  error: boolean
  line: string
}

export interface BurstDetector {
  markRelease(id: string, time: number): void
  /** Feeds one line; returns an `error-rate` signal when it starts a burst. */
  push(l: BurstLine): LogSignal | null
}

interface SourceWindow {
  /** Lines in the window, oldest first: time and whether it was an error. */
  lines: { time: number; error: boolean }[]
  errors: number
  /** Lines and errors that left the window outside bursts: the usual share. */
  pastLines: number
  pastErrors: number
  examples: string[]
  firing: boolean
}

export function createBurstDetector(opts: BurstOptions = {}): BurstDetector {
  const size = opts.lines ?? 25
  const maxAgeMs = opts.maxAgeMs ?? 60_000
  const minErrors = opts.minErrors ?? 5
  const minShare = opts.minShare ?? 0.2
  const releaseWindowMs = opts.releaseWindowMs ?? 2 * 3_600_000
  const sources = new Map<string, SourceWindow>()
  const releases: { id: string; time: number }[] = []

  const windowOf = (source: string): SourceWindow => {
    let w = sources.get(source)
    if (!w) {
      w = { lines: [], errors: 0, pastLines: 0, pastErrors: 0, examples: [], firing: false }
      sources.set(source, w)
    }
    return w
  }

  return {
    markRelease(id, time) {
      releases.push({ id, time })
      releases.sort((a, b) => a.time - b.time)
    },
    push({ source, time, error, line }) {
      const w = windowOf(source)
      w.lines.push({ time, error })
      while (w.lines.length > size || w.lines[0]!.time <= time - maxAgeMs) {
        const old = w.lines.shift()!
        if (old.error) w.errors--
        // A burst does not become the usual: lines learn the baseline only while no burst is on.
        if (!w.firing) {
          w.pastLines++
          if (old.error) w.pastErrors++
        }
      }
      if (error) {
        w.errors++
        w.examples.push(redact(line))
        if (w.examples.length > 3) w.examples.shift()
      }
      const usual = w.pastLines ? w.pastErrors / w.pastLines : 0
      const threshold = Math.max(minShare, 3 * usual)
      const share = w.errors / w.lines.length
      if (w.firing) {
        if (share < threshold / 2) w.firing = false
        return null
      }
      if (w.errors < minErrors || share < threshold) return null
      w.firing = true
      const release = releases.findLast((r) => r.time <= time && time - r.time <= releaseWindowMs)
      return {
        kind: 'error-rate',
        source,
        time,
        key: null,
        template: null,
        severity: 'error',
        evidence: {
          examples: [...w.examples],
          before: usual,
          after: share,
          firstSeen: null,
          release: release?.id ?? null,
          pValue: null,
        },
      }
    },
  }
}
