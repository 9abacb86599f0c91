/**
 * @module A small JSON path evaluator for probe conditions: `$`, `.key`, `['key']` / `["key"]` and `[index]`
 * (negative counts from the end), e.g. `$.checks[0].status`. Pure; no filters, wildcards or recursion.
 */

export type PathStep = string | number

export type PathLookup = { found: true; value: unknown } | { found: false; missing: string }

const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/

/** The steps of a path, or an error message when it is not one this evaluator reads. */
export function parseJsonPath(path: string): { ok: true; steps: PathStep[] } | { ok: false; error: string } {
  const text = path.trim()
  if (!text.startsWith('$')) return { ok: false, error: `JSON path ${path} must start with $` }
  const steps: PathStep[] = []
  let rest = text.slice(1)
  while (rest.length > 0) {
    const m = SEGMENT.exec(rest)
    if (!m) return { ok: false, error: `JSON path ${path} cannot be read at "${rest}"` }
    if (m[1] !== undefined) steps.push(m[1])
    else if (m[2] !== undefined) steps.push(Number(m[2]))
    else steps.push((m[3] ?? m[4] ?? '').replace(/\\(.)/g, '$1'))
    rest = rest.slice(m[0].length)
  }
  return { ok: true, steps }
}

/** Follows the steps through a parsed JSON document; `missing` names the first step that was not there. */
export function lookupJsonPath(doc: unknown, steps: readonly PathStep[]): PathLookup {
  let here: unknown = doc
  let walked = '$'
  for (const step of steps) {
    const label = typeof step === 'number' ? `${walked}[${step}]` : `${walked}.${step}`
    if (typeof step === 'number') {
      if (!Array.isArray(here)) return { found: false, missing: label }
      const i = step < 0 ? here.length + step : step
      if (i < 0 || i >= here.length) return { found: false, missing: label }
      here = here[i]
    } else {
      if (here === null || typeof here !== 'object' || Array.isArray(here) || !Object.hasOwn(here, step)) {
        return { found: false, missing: label }
      }
      here = (here as Record<string, unknown>)[step]
    }
    walked = label
  }
  return { found: true, value: here }
}

/** Structural equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]))
  }
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  const rb = b as Record<string, unknown>
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(rb, k) && jsonEqual((a as Record<string, unknown>)[k], rb[k]))
  )
}
