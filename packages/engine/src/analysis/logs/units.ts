/**
 * @module Units glued to the value before them. Where a template's unit varies (`5.2 KB`, `93.0 B`), the unit is
 * part of the value, so every unit that follows a wildcard in that template is glued to it: `size <*> KB,` reads
 * `size <*>,`. A unit that never varies stays literal (`memory <*> MB`).
 */
import { WILDCARD } from './masks.ts'

const UNIT = /^(?:[kmgtpe]i?b|b|bytes?|[mun\u00b5]s|s|secs?|seconds?|mins?|minutes?|h|hours?)[,;:.)\]}]*$/i
const TRAIL = /[,;:.)\]}]|$/

export const isUnit = (token: string): boolean => UNIT.test(token)

/** What follows a glued unit: `KB,` → `,`, `<*>)` → `)`. */
export const unitSuffix = (token: string): string => token.slice(token.search(TRAIL))

const allUnits = (values: Iterable<string>): boolean => {
  for (const v of values) if (!isUnit(v)) return false
  return true
}

/**
 * Positions glued to the wildcard before them. `valuesAt(i)` gives the words seen at a merged position, or null
 * for a literal, masked or too varied one.
 */
export function gluedUnits(
  tokens: readonly string[],
  valuesAt: (i: number) => ReadonlyMap<string, number> | null,
): number[] {
  let varies = false
  for (let i = 1; i < tokens.length && !varies; i++) {
    const v = valuesAt(i)
    varies = v !== null && v.size > 1 && tokens[i - 1] === WILDCARD && allUnits(v.keys())
  }
  if (!varies) return []
  const out: number[] = []
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i - 1] !== WILDCARD) continue
    const v = valuesAt(i)
    if (v !== null ? allUnits(v.keys()) : isUnit(tokens[i]!)) out.push(i)
  }
  return out
}
