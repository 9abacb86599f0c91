/**
 * @module Turns a message into what the miner compares: its tokens, their masked forms, the masked line as a
 * lookup key and the group key (token count and first token). Masking is the costly part, so a line that comes
 * again is remembered prepared in a bounded cache; the result is the same with or without it.
 */
import { WILDCARD, maskToken } from './masks.ts'
import type { UserMask } from './masks.ts'
import { createRecent } from './recent.ts'
import { tokenize } from './tokenize.ts'

export interface Prepared {
  raw: readonly string[]
  masked: readonly string[]
  /** The masked line. */
  key: string
  /** Token count and first token (`<*>` when it is masked). */
  group: string
  /** The miner's note: the cluster tokens this line last fitted unchanged. */
  seen: readonly string[] | null
}

export interface PrepareOptions {
  masks: readonly UserMask[]
  /** Most prepared lines remembered. */
  lines: number
}

export function createPreparer(options: PrepareOptions): (message: string) => Prepared {
  const { masks } = options
  // A line seen once is remembered by its text alone (null); its prepared form is kept when it comes again, so
  // a stream that never repeats keeps no token arrays alive.
  const lines = createRecent<string, Prepared | null>(options.lines)
  const mask = (token: string): string => maskToken(token, masks)
  return (message) => {
    const hit = lines.get(message)
    if (hit !== undefined && hit !== null) return hit
    const raw = tokenize(message)
    const masked = raw.map(mask)
    const first = masked[0] ?? ''
    const p: Prepared = {
      raw,
      masked,
      key: masked.join(' '),
      group: `${masked.length} ${first.includes(WILDCARD) ? WILDCARD : first}`,
      seen: null,
    }
    lines.set(message, hit === null ? p : null)
    return p
  }
}
