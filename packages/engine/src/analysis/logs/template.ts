/**
 * @module Template tokens: does a token fit a template token, how two tokens generalise into one, and which
 * parameters a line carries. A template token is literal text with `<*>` where values vary.
 */
import { DELIMITERS, WILDCARD, collapse } from './masks.ts'

const isDelimiter = (ch: string | undefined): boolean => ch !== undefined && DELIMITERS.includes(ch)

/** Literal pieces of a template token around its wildcards: `a=<*>,b=<*>` → `['a=', ',b=', '']`. */
export function pieces(templateToken: string): readonly string[] {
  let p = split.get(templateToken)
  if (p === undefined) {
    if (split.size >= SPLITS) split.clear()
    split.set(templateToken, (p = templateToken.split(WILDCARD)))
  }
  return p
}
/** Template tokens are few and repeat on every line: their pieces are kept (a pure cache, bounded). */
const split = new Map<string, readonly string[]>()
const SPLITS = 10_000

/**
 * Positions where each wildcard's value starts and ends in `token`, or null when the token does not fit.
 * Literal pieces are matched left to right; the last piece is anchored at the end.
 */
function spans(parts: readonly string[], token: string): [number, number][] | null {
  const first = parts[0]!
  if (!token.startsWith(first)) return null
  const out: [number, number][] = []
  let pos = first.length
  for (let i = 1; i < parts.length; i++) {
    const lit = parts[i]!
    const last = i === parts.length - 1
    const at = last ? token.length - lit.length : lit === '' ? pos : token.indexOf(lit, pos)
    if (at < pos || (last && !token.endsWith(lit))) return null
    out.push([pos, at])
    pos = at + lit.length
  }
  return out
}

/** True when `token` is an instance of the template token. */
export function fits(templateToken: string, token: string): boolean {
  if (templateToken === token || templateToken === WILDCARD) return true
  if (templateToken.indexOf(WILDCARD) < 0) return false
  return spans(pieces(templateToken), token) !== null
}

/** The values of a template token's wildcards in `token` (empty when it does not fit). */
export function paramsOf(templateToken: string, token: string): string[] {
  if (templateToken === WILDCARD) return [token]
  if (templateToken.indexOf(WILDCARD) < 0) return []
  const s = spans(pieces(templateToken), token)
  return s === null ? [] : s.map(([a, b]) => token.slice(a, b))
}

/**
 * Generalises two different tokens into one template token, keeping a common prefix that ends at a delimiter
 * and a common suffix that starts at one: `tag="View` and `tag="Wake` → `tag="<*>`.
 */
export function generalize(a: string, b: string): string {
  if (a === b) return a
  if (a === WILDCARD || b === WILDCARD) return WILDCARD
  const n = Math.min(a.length, b.length)
  let p = 0
  while (p < n && a.charCodeAt(p) === b.charCodeAt(p)) p++
  while (p > 0 && !isDelimiter(a[p - 1])) p--
  let s = 0
  while (s < n - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++
  while (s > 0 && !isDelimiter(a[a.length - s])) s--
  return collapse(`${a.slice(0, p)}${WILDCARD}${a.slice(a.length - s)}`)
}

/** Template text: tokens joined by single spaces. */
export const render = (tokens: readonly string[]): string => tokens.join(' ')
