/**
 * @module `${VAR}` and `${VAR:-default}` references inside one string value. `$${` writes a literal `${`.
 * Pure: the environment is passed in. Values taken from the environment are reported so they can be redacted.
 */

export type Env = Readonly<Record<string, string | undefined>>

export interface EnvReference {
  /** The reference as written, e.g. `${SLACK_WEBHOOK_URL}`. */
  text: string
  name: string
  /** Offset of the reference inside the string. */
  index: number
}

export interface Interpolation {
  value: string
  /** Values that came from the environment (not defaults), with the reference that produced them. */
  fromEnv: { ref: EnvReference; value: string }[]
  missing: EnvReference[]
  malformed: { text: string; index: number }[]
  /** True when the whole string is exactly one reference, so a plain YAML scalar may be read as number or boolean. */
  whole: boolean
}

const INNER = /^([A-Za-z_][A-Za-z0-9_]*)(?::-([\s\S]*))?$/

export function hasReference(text: string): boolean {
  return text.includes('${')
}

export function interpolate(text: string, env: Env): Interpolation {
  const out: Interpolation = { value: '', fromEnv: [], missing: [], malformed: [], whole: false }
  let refs = 0
  let i = 0
  while (i < text.length) {
    const at = text.indexOf('$', i)
    if (at === -1) {
      out.value += text.slice(i)
      break
    }
    out.value += text.slice(i, at)
    if (text.startsWith('$${', at)) {
      out.value += '${'
      i = at + 3
      continue
    }
    if (!text.startsWith('${', at)) {
      out.value += '$'
      i = at + 1
      continue
    }
    const close = text.indexOf('}', at + 2)
    const match = close === -1 ? null : INNER.exec(text.slice(at + 2, close))
    if (close === -1 || match === null) {
      const end = close === -1 ? text.length : close + 1
      out.malformed.push({ text: text.slice(at, end), index: at })
      out.value += text.slice(at, end)
      i = end
      continue
    }
    refs++
    const ref: EnvReference = { text: text.slice(at, close + 1), name: match[1]!, index: at }
    const fallback = match[2]
    const set = env[ref.name]
    if (set !== undefined && (set !== '' || fallback === undefined)) {
      out.value += set
      out.fromEnv.push({ ref, value: set })
    } else if (fallback !== undefined) {
      out.value += fallback
    } else {
      out.missing.push(ref)
      out.value += ref.text
    }
    i = close + 1
  }
  out.whole = refs === 1 && out.malformed.length === 0 && /^\$\{[^}]*\}$/.test(text)
  return out
}
