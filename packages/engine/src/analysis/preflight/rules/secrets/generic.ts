/**
 * @module Secret-like names with literal values: `api_key = "…"`, `"token": "…"`, `<Password>…</Password>`,
 * `<add key="ClearTextPassword" value="…"/>`, `getenv("API_TOKEN", "…")`. The name decides how much randomness the
 * value must show; placeholders, references and code expressions are skipped.
 */
import { charClasses, shannonEntropy } from './entropy.ts'
import { KEYWORD_LITERALS, keyStrengthOf, type KeyStrength } from './keywords.ts'
import { isPlaceholder } from './placeholder.ts'
import { LiteralSet, type TextHits } from './prefilter.ts'

export interface Assignment {
  name: string
  value: string
  /** Offset of the value in the text. */
  offset: number
  strength: Exclude<KeyStrength, null>
}

const OPERATOR = /["'`\]]?[ \t]*(=>|->|:{1,3}=|\?=|<-|\|\|:|=(?!=)|:(?!:)|,)[ \t]*/y
const XML_ATTR_VALUE = /["'][ \t]+value=(["'])([^"'\n]*)\1/y
const UNQUOTED = /[^\s'"`,;)}\]<>]+/y
/** Values that carry a provider's prefix but did not pass its format check are examples, not secrets. */
const KNOWN_PREFIX =
  /^(?:xox[a-z]-|gh[pousr]_|github_pat_|glpat-|sk_live_|sk_test_|hf_|npm_|AKIA|dapi|shp[a-z]{2}_)/

const COMMON_WORDS =
  /^(?:pass(?:word)?|passwd|secret|token|admin|root|user(?:name)?|none|null|nil|true|false|undefined|required|optional|string|str|text|hidden|empty|default|changeit|letmein|qwerty|test(?:ing)?|demo|guest|[a-z]+_?(?:password|secret|token|key))$/i

export function findAssignments(text: string, hits: TextHits = OWN.scan(text)): Assignment[] {
  const probes: number[] = []
  for (const lit of KEYWORD_LITERALS) for (const at of hits.at(lit)) probes.push(at * 8 + lit.length)
  probes.sort((a, b) => a - b)
  const out: Assignment[] = []
  let scannedTo = -1
  for (const probe of probes) {
    const at = Math.floor(probe / 8)
    if (at < scannedTo) continue
    let ks = at
    while (ks > 0 && isNameChar(text.charCodeAt(ks - 1))) ks--
    let ke = at + (probe % 8)
    while (ke < text.length && isNameChar(text.charCodeAt(ke))) ke++
    scannedTo = ke
    const name = text.slice(ks, ke)
    const strength = keyStrengthOf(name)
    if (strength === null) continue
    const found = valueAfter(text, ks, ke)
    if (found && acceptValue(found.value, strength, found.quoted, name))
      out.push({ name, strength, ...found })
  }
  return out
}

const OWN = new LiteralSet(KEYWORD_LITERALS)

/** [A-Za-z0-9_.-] */
export function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45
  )
}

export interface Found {
  value: string
  offset: number
  quoted: boolean
}

/** The literal value assigned to the name at [ks, ke), in any of the supported syntaxes; null when none. */
export function valueAfter(text: string, ks: number, ke: number): Found | null {
  const before = text[ks - 1]
  if (before === '<' && text[ke] === '>') {
    const end = text.indexOf('<', ke + 1)
    if (end < 0 || end - ke > 600) return null
    const raw = text.slice(ke + 1, end)
    const value = raw.trim()
    if (value.length === 0 || /\s/.test(value)) return null
    return { value, offset: ke + 1 + raw.indexOf(value), quoted: true }
  }
  if (before === '"' || before === "'") {
    const head = text.slice(Math.max(0, ks - 6), ks - 1)
    if (/(?:key|name)=$/i.test(head)) {
      XML_ATTR_VALUE.lastIndex = ke
      const a = XML_ATTR_VALUE.exec(text)
      if (a) return { value: a[2]!, offset: ke + a[0].length - 1 - a[2]!.length, quoted: true }
    }
  }
  OPERATOR.lastIndex = ke
  const op = OPERATOR.exec(text)
  if (!op) return null
  if (op[1] === ',' && before !== '"' && before !== "'") return null
  let i = ke + op[0].length
  const q = text[i]
  if (q === '"' || q === "'" || q === '`') {
    const end = text.indexOf(q, i + 1)
    const nl = text.indexOf('\n', i + 1)
    if (end < 0 || (nl >= 0 && nl < end)) return null
    const value = text.slice(i + 1, end)
    if (value.endsWith('\\')) return null
    return { value, offset: i + 1, quoted: true }
  }
  if (q === '|' || q === '>') {
    const nl = text.indexOf('\n', i)
    if (nl < 0) return null
    i = nl + 1
    while (text[i] === ' ' || text[i] === '\t') i++
  }
  UNQUOTED.lastIndex = i
  const u = UNQUOTED.exec(text)
  if (!u) return null
  return { value: u[0], offset: i, quoted: false }
}

function acceptValue(
  v: string,
  strength: Exclude<KeyStrength, null>,
  quoted: boolean,
  name: string,
): boolean {
  if (v.length < 6 || v.length > 500) return false
  if (/\s/.test(v) || COMMON_WORDS.test(v) || isPlaceholder(v)) return false
  if (
    /^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\.\.?\/|~\/|file:)/i.test(v) ||
    /\.(?:pem|key|crt|cer|p12|pfx|json|ya?ml|txt|env|jks)$/i.test(v)
  )
    return false
  if (!quoted && /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(v) && !/\d/.test(v)) return false
  if (/^\d+(?:\.\d+)*$/.test(v) && v.length < 12) return false
  if (KNOWN_PREFIX.test(v) || mostlyRepeated(v) || encodesProse(v)) return false
  if (strength === 'password')
    return quoted || /\d/.test(v) || (/[a-z]/.test(v) && /[A-Z]/.test(v)) || /[^\w-]/.test(v)
  if (UUID.test(v) && !/api|auth|access|secret|private|client|bearer|token/i.test(name)) return false
  const minLen = strength === 'strong' ? 12 : 20
  return (
    randomEnough(v, minLen) && (strength === 'strong' || charClasses(v) >= 3 || /^[0-9a-f]{32,}$/i.test(v))
  )
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Entropy threshold grows with length, up to what random text of the value's alphabet reaches (hex tops out at
 * 4 bits per character, base62 near 6). UUIDs count as random: under a secret-like name they are API keys.
 */
export function randomEnough(v: string, minLen: number): boolean {
  if (v.length < minLen || charClasses(v) < 2) return false
  if (UUID.test(v)) return true
  const h = shannonEntropy(v)
  const cap = /^[0-9a-f]+$/i.test(v) ? 3 : 3.5
  return h >= Math.min(cap, Math.log2(v.length) * 0.8) && !mostlyRepeated(v)
}

/** Base64 that decodes to plain words with spaces is encoded text, not key material. */
function encodesProse(v: string): boolean {
  if (v.length < 16 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v) || v.length % 4 !== 0) return false
  try {
    const s = atob(v)
    return /^[A-Za-z0-9 ,.'!?-]+$/.test(s) && / [a-z]+ /i.test(s)
  } catch {
    return false
  }
}

/** Few distinct 4-grams: a pattern typed by hand (abcd1234abcd1234…), not a random value. */
function mostlyRepeated(v: string): boolean {
  if (v.length < 16) return false
  const grams = new Set<string>()
  for (let i = 0; i + 4 <= v.length; i++) grams.add(v.slice(i, i + 4))
  return grams.size / (v.length - 3) < 0.6
}
