/**
 * @module One cluster of the miner: its template tokens, and for each position that became a wildcard by merging
 * different words, the few values seen there. A position with only a handful of values (`VM Started`, `VM Paused`)
 * is a choice between constants, not a parameter: `refine` keeps the line's own word there. Past `maxValues`
 * distinct values the position is a true parameter and its values are dropped, so memory stays bounded.
 */
import { WILDCARD } from './masks.ts'
import { fits, generalize } from './template.ts'
import type { LruNode } from './lru.ts'
import { gluedUnits } from './units.ts'

/** Values counted at a merged position, or MANY once there were too many to be a choice of constants. */
type Slot = Map<string, number> | typeof MANY
const MANY = 0
/** Most distinct values remembered per position. */
const TRACKED = 16

/** A few values, or up to TRACKED values each seen several times, make a choice of constants. */
function isChoiceSlot(slot: Map<string, number>, maxValues: number): boolean {
  if (slot.size <= maxValues) return true
  for (const n of slot.values()) if (n < REPEATS) return false
  return true
}
const REPEATS = 3
const NONE: readonly number[] = []

export interface Cluster extends LruNode {
  readonly id: number
  readonly group: string
  tokens: readonly string[]
  size: number
  /** Indexed by position; undefined for literal and masked positions. */
  slots: Slot[] | undefined
  /** Bumped whenever the tokens or the set of merged positions change. */
  version: number
  /** Glued unit positions, computed for `gluedAt`. */
  glued: readonly number[]
  gluedAt: number
  /** Rendered templates by key, valid for `textsAt`. */
  texts: Map<string, string> | undefined
  textsAt: number
  /** The refined template of a cluster without merged positions, kept while its tokens stay the same. */
  plain: Refined | undefined
}

export function newCluster(id: number, group: string, tokens: readonly string[]): Cluster {
  return {
    id,
    group,
    tokens,
    size: 1,
    slots: undefined,
    version: 0,
    glued: NONE,
    gluedAt: -1,
    texts: undefined,
    textsAt: -1,
    plain: undefined,
    older: null,
    newer: null,
  }
}

/** Share of the template's literal tokens the line repeats; a template of wildcards only scores 1. */
export function similarity(c: Cluster, tokens: readonly string[]): number {
  const t = c.tokens
  let literal = 0
  let same = 0
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!
    if (x === WILDCARD && c.slots?.[i] === undefined) continue
    literal++
    if (x === tokens[i] || fits(x, tokens[i]!) || isChoice(c, i, tokens[i]!)) same++
  }
  return literal === 0 ? 1 : same / literal
}

const isChoice = (c: Cluster, i: number, token: string): boolean => {
  const s = c.slots?.[i]
  return s !== undefined && s !== MANY && s.has(token)
}

/** Adds a line to the cluster, generalising the template where it differs. Returns true when it changed. */
export function absorb(c: Cluster, tokens: readonly string[]): boolean {
  let next: string[] | null = null
  for (let i = 0; i < c.tokens.length; i++) {
    const t = c.tokens[i]!
    const x = tokens[i]!
    const slot = c.slots?.[i]
    if (slot !== undefined) {
      if (slot !== MANY) count(c, i, slot, x)
      if (fits(t, x)) continue
    } else if (fits(t, x)) {
      // A filler such as `****` where only masked values were seen so far: the two are a choice.
      if (t !== WILDCARD || !isFiller(x)) continue
      c.slots ??= []
      c.slots[i] = new Map([[WILDCARD, c.size]])
      count(c, i, c.slots[i] as Map<string, number>, x)
      c.version++
      continue
    } else if (!t.includes(WILDCARD) && ((x === WILDCARD && isFiller(t)) || !x.includes(WILDCARD))) {
      c.slots ??= []
      c.slots[i] = new Map([[t, c.size]])
      count(c, i, c.slots[i] as Map<string, number>, x)
    }
    next ??= c.tokens.slice()
    next[i] = generalize(t, x)
  }
  c.size++
  if (next === null) return false
  c.tokens = next
  c.version++
  return true
}

/** Adds a line that the cluster's current template already absorbed unchanged: only its values are counted. */
export function recount(c: Cluster, tokens: readonly string[]): void {
  const slots = c.slots
  if (slots !== undefined)
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]
      if (s !== undefined && s !== MANY) count(c, i, s, tokens[i]!)
    }
  c.size++
}

/** A token made of symbols only, written where a value is missing (`****`, `--`). */
const isFiller = (token: string): boolean => FILLER.test(token)
const FILLER = /^[^\p{L}\p{N}<>]+$/u

function count(c: Cluster, i: number, slot: Map<string, number>, value: string): void {
  const n = slot.get(value)
  slot.set(value, (n ?? 0) + 1)
  if (n !== undefined) return
  c.version++
  if (slot.size > TRACKED) c.slots![i] = MANY
}

/** A line's template in a cluster: tokens aligned with the line's, and the positions glued to the one before. */
export interface Refined {
  key: string
  tokens: readonly string[]
  /** Unit positions (`KB,`) that belong to the value before them: `<*> KB,` renders as `<*>,`. */
  glued: readonly number[]
  /** The rendered template, once asked for (kept on the cached refinement of a cluster without choices). */
  text?: string
}

/** The template this line belongs to: the cluster's, with the line's own word at each choice position. */
export function refine(c: Cluster, tokens: readonly string[], maxValues: number): Refined {
  const slots = c.slots
  if (slots === undefined) {
    if (c.plain?.tokens !== c.tokens) c.plain = { key: String(c.id), tokens: c.tokens, glued: NONE }
    return c.plain
  }
  if (c.gluedAt !== c.version) {
    c.glued = gluedUnits(c.tokens, (i) => {
      const s = slots[i]
      return s === undefined || s === MANY ? null : s
    })
    c.gluedAt = c.version
  }
  const glued = c.glued
  let out: string[] | null = null
  let key = (c.plain ??= { key: String(c.id), tokens: c.tokens, glued: NONE }).key
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]
    if (s === undefined || s === MANY || !isChoiceSlot(s, maxValues) || glued.includes(i)) continue
    const x = tokens[i]!
    if (!s.has(x)) continue
    out ??= c.tokens.slice()
    out[i] = x
    key += `/${i}=${x}`
  }
  return { key, tokens: out ?? c.tokens, glued }
}
