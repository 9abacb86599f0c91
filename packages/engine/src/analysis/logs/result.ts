/**
 * @module What the miner answers for one line: the refined template of its cluster, rendered once per cluster
 * version and key, and the line's values for each `<*>`. Units glued to a value (`5.2 KB`) join its parameter.
 */
import type { Cluster, Refined } from './cluster.ts'
import { WILDCARD } from './masks.ts'
import { paramsOf, render } from './template.ts'
import { unitSuffix } from './units.ts'

export interface MineResult {
  /** Stable cluster id. */
  id: number
  /** Template key: the cluster id, plus the line's word at each position that is a choice of constants. */
  key: string
  /** The cluster's template after this line. */
  template: string
  /** The line's values for each `<*>` of the template, in order. */
  params: string[]
  /** 'created' for a new cluster, 'changed' when this line generalised it, 'matched' otherwise. */
  change: 'created' | 'changed' | 'matched'
}

/** Most rendered templates kept per cluster (one per choice of constants). */
const TEXTS = 64

export function mineResult(
  c: Cluster,
  r: Refined,
  raw: readonly string[],
  change: MineResult['change'],
): MineResult {
  const { key, tokens, glued } = r
  if (glued.length > 0) return gluedResult(c.id, key, tokens, glued, raw, change)
  if (r === c.plain) return result(c.id, key, (r.text ??= render(tokens)), tokens, raw, change)
  if (c.textsAt !== c.version) {
    c.texts = undefined
    c.textsAt = c.version
  }
  let template = c.texts?.get(key)
  if (template === undefined) {
    template = render(tokens)
    c.texts ??= new Map()
    if (c.texts.size < TEXTS) c.texts.set(key, template)
  }
  return result(c.id, key, template, tokens, raw, change)
}

function result(
  id: number,
  key: string,
  template: string,
  tokens: readonly string[],
  raw: readonly string[],
  change: MineResult['change'],
): MineResult {
  const params: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t === WILDCARD) params.push(raw[i]!)
    else if (t.includes(WILDCARD)) for (const p of paramsOf(t, raw[i]!)) params.push(p)
  }
  return { id, key, template, params, change }
}

/** A result where units are glued to the value before them: `size <*> KB,` reads `size <*>,`, param `5.2 KB`. */
function gluedResult(
  id: number,
  key: string,
  tokens: readonly string[],
  glued: readonly number[],
  raw: readonly string[],
  change: MineResult['change'],
): MineResult {
  const text: string[] = []
  const params: string[] = []
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (glued.includes(i) && tokens[i - 1] === WILDCARD) {
      const suffix = unitSuffix(t)
      text[text.length - 1] = WILDCARD + suffix
      const r = raw[i]!
      params[params.length - 1] += ` ${r.slice(0, r.length - suffix.length)}`
      continue
    }
    text.push(t)
    if (t.includes(WILDCARD)) params.push(...paramsOf(t, raw[i]!))
  }
  return { id, key, template: render(text), params, change }
}
