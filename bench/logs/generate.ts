/**
 * @module A synthetic log stream for the memory and throughput steps: a few hundred templates whose parameters
 * (ids, IPs, numbers, paths, hex, UUIDs, durations) take ever-new values, so no two lines repeat. Deterministic:
 * the same seed gives the same stream.
 */
import { seededRandom } from '../../packages/engine/src/testing/fakes.ts'

const VERBS =
  'accepted allocated applied archived assigned blocked cached closed committed compacted connected created declined deleted deployed detached dropped enqueued evicted expired fetched flushed granted indexed loaded locked merged migrated mounted opened parsed paused pruned published queued rebuilt received recovered rejected released reloaded renewed replayed resized restored resumed retried rotated scheduled sent skipped started stopped synced throttled timed truncated unlocked updated uploaded validated verified'.split(
    ' ',
  )
const NOUNS =
  'session request block segment lease worker shard replica snapshot volume bucket partition container task job channel socket handler cursor batch ticket token record index table queue stream node pod service route certificate'.split(
    ' ',
  )
const WORDS =
  'for from to on with by after before while during via because of in at the a new old primary secondary remote local pending active stale'.split(
    ' ',
  )
const KINDS = ['id', 'ip', 'num', 'path', 'hex', 'uuid', 'ms'] as const
type Kind = (typeof KINDS)[number]

export interface Shape {
  words: string[]
  /** For each word position, the kind of value written there, or null for the word itself. */
  kinds: (Kind | null)[]
}

/** `count` template shapes: a verb, a noun, a few connecting words and one to four parameters. */
export function shapes(count: number, seed = 7): Shape[] {
  const r = seededRandom(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  const out: Shape[] = []
  for (let i = 0; i < count; i++) {
    const words = [pick(NOUNS), pick(VERBS)]
    const kinds: (Kind | null)[] = [null, null]
    const params = 1 + Math.floor(r() * 4)
    for (let p = 0; p < params; p++) {
      words.push(pick(WORDS), pick(NOUNS))
      kinds.push(null, null)
      words.push('')
      kinds.push(pick(KINDS))
    }
    out.push({ words, kinds })
  }
  return out
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0').slice(-width)

/** A value of the kind that was never written before: `n` is the line number, `r` adds spread. */
function value(kind: Kind, n: number, r: () => number): string {
  const x = Math.floor(r() * 0xffffffff)
  switch (kind) {
    case 'id':
      return `job-${n.toString(36)}${hex(x, 4)}`
    case 'ip':
      return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}:${1024 + (x % 60000)}`
    case 'num':
      return String(n * 7 + (x % 7))
    case 'path':
      return `/var/lib/app/${hex(x, 6)}/${n}.dat`
    case 'hex':
      return `0x${hex(n, 8)}${hex(x, 4)}`
    case 'uuid':
      return `${hex(x, 8)}-${hex(n >>> 16, 4)}-4${hex(n, 3)}-a${hex(x >>> 8, 3)}-${hex(n, 6)}${hex(x, 6)}`
    case 'ms':
      return `${(x % 100000) / 10}ms`
  }
}

/** Line `n` of the stream over `templates`. */
export function lineOf(templates: readonly Shape[], n: number, r: () => number): string {
  const s = templates[Math.floor(r() * templates.length)]!
  let line = ''
  for (let i = 0; i < s.words.length; i++) {
    const k = s.kinds[i]
    line += (i === 0 ? '' : ' ') + (k === null ? s.words[i] : value(k!, n, r))
  }
  return line
}
