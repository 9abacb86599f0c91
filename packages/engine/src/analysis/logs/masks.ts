/**
 * @module General parameter masks: turn the variable parts of one whitespace-delimited token into `<*>`.
 * Numbers, hex, IPs, UUIDs, paths, timestamps, durations, ids glued to words, booleans and null. The rules are
 * the same for every source; users may add their own patterns (applied first, within a token).
 */

export const WILDCARD = '<*>'

/** A user mask: every match of `pattern` inside a token becomes `<*>`. */
export interface UserMask {
  name: string
  pattern: RegExp
}

/** Characters that separate the parts of a token (a `key=value`, `a.b.c`, `host:port`, `f(x)` …). */
export const DELIMITERS = ' ,!;:=|"\'[](){}.-+@#$%&/\\'

const MAYBE_VARIABLE = /[0-9/\\]|true|false|null|\.[a-z]{2,11}\b/i
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi
const ISO_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g
const IPV4 = /(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?(?![\w]|\.\w)/g
const MAC = /(?<![\w:])[0-9a-f]{2}(?::[0-9a-f]{2}){5}(?![\w:])/gi
const HOST_PORT =
  /(?<![\w.:/-])(?:(?=[\w.-]*[A-Za-z])(?=[\w.-]*\d)[A-Za-z0-9][\w.-]*|<\*>):\d{1,5}(?!\w|\.\w)/g
const TLD =
  'com|net|org|io|us|edu|gov|mil|int|local|internal|lan|localdomain|dev|app|cloud|info|biz|co|uk|de|fr|cn|jp|ru|eu|nl|in|au|ca|br'
const FQDN = new RegExp(`(?<![\\w.-])[A-Za-z0-9][\\w-]*(?:\\.[\\w-]+)+\\.(?:${TLD})(?![\\w-]|\\.\\w)`, 'g')
/** A Java/Android component name, `com.example.app/.ui.MainActivity`. */
const COMPONENT = /(?<![\w.$/])[a-z]\w*(?:\.\w+)+\/\.?\w+(?:[.$]\w+)*/g
const WIN_PATH = /[A-Za-z]:\\[^\s"',;)\]]*/g
const PATH_PIECE = /[^\s,!;:=|"'[\](){}]+/g
const UNIX_PATH = /^(?:\/[^/]+)+\/?$/
const PART = /<\*>|[^ ,!;:=|"'[\](){}.\-+@#$%&/\\]+/g
const SIGNED = /(^|[=:([{,_\s])-(?=<\*>)/g
const GLUED = /[A-Za-z0-9_]+<\*>[A-Za-z0-9_]*|<\*>[A-Za-z0-9_]+/g
const DOTTED = /<\*>(?:\.<\*>)+/g
const DOUBLE = /(?:<\*>){2,}/g
const HEX_PREFIXED = /^0x[0-9a-f]+$/i
const HEX = /^[0-9a-f]{6,}$/i
const DIGITS = /^\d+$/
const LONG_DIGITS = /\d{4,}/
const AMOUNT = /^\d+(?:\.\d+)?[a-z]{1,3}$/i
const LITERALS = new Set(['true', 'false', 'null'])
const LITERAL_IN = /true|false|null/i

/** Masks one part of a token (the text between two delimiters). */
function maskPart(part: string): string {
  if (part === WILDCARD) return part
  if (DIGITS.test(part)) return WILDCARD
  if (LITERALS.has(part.toLowerCase())) return WILDCARD
  let digits = 0
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
  }
  if (digits === 0) return part
  if (HEX_PREFIXED.test(part) || HEX.test(part) || LONG_DIGITS.test(part) || AMOUNT.test(part))
    return WILDCARD
  if (part.length >= 3 && digits * 2 > part.length) return WILDCARD
  return part
}

function maskPaths(token: string): string {
  if (token.indexOf('/') < 0) return token
  return token.replace(PATH_PIECE, (piece) => (UNIX_PATH.test(piece) ? WILDCARD : piece))
}

/** Character classes seen in a token, one bit each, from a single pass: they decide which masks can apply. */
const DIGIT = 1
const SLASH = 2
const BACKSLASH = 4
const DOT = 8
const COLON = 16
const DASH = 32

function classify(t: string): number {
  let f = 0
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i)
    if (c >= 48 && c <= 57) f |= DIGIT
    else if (c === 47) f |= SLASH
    else if (c === 92) f |= BACKSLASH
    else if (c === 46) f |= DOT
    else if (c === 58) f |= COLON
    else if (c === 45) f |= DASH
  }
  return f
}

/** Masks one whitespace-delimited token. Returns the token itself when nothing in it looks variable. */
export function maskToken(token: string, userMasks: readonly UserMask[] = []): string {
  let t = token
  for (const m of userMasks) t = t.replace(m.pattern, WILDCARD)
  const f = classify(t)
  // Without digits, slashes or a dot the only variable words are the literals (true, false, null).
  if ((f & (DIGIT | SLASH | BACKSLASH | DOT)) === 0 && !LITERAL_IN.test(t)) return t
  if (!MAYBE_VARIABLE.test(t)) return t
  if (t.length >= 16 && (f & DASH) !== 0) t = t.replace(UUID, WILDCARD).replace(ISO_TIME, WILDCARD)
  if ((f & SLASH) !== 0 && (f & DOT) !== 0) t = t.replace(COMPONENT, WILDCARD)
  if ((f & DOT) !== 0) t = t.replace(FQDN, WILDCARD)
  if ((f & BACKSLASH) !== 0) t = t.replace(WIN_PATH, WILDCARD)
  if ((f & COLON) !== 0) t = t.replace(MAC, WILDCARD)
  if ((f & DIGIT) !== 0 && (f & DOT) !== 0) t = t.replace(IPV4, WILDCARD)
  if ((f & COLON) !== 0 && (f & DIGIT) !== 0) t = t.replace(HOST_PORT, WILDCARD)
  if ((f & SLASH) !== 0) t = maskPaths(t)
  if ((f & DIGIT) !== 0 || LITERAL_IN.test(t)) t = t.replace(PART, maskPart)
  if (t.indexOf(WILDCARD) < 0) return t
  return t === WILDCARD ? t : collapse(t)
}

/** Joins wildcards that form one value: `-<*>` → `<*>`, `v<*>` → `<*>`, `<*>.<*>` → `<*>`, `<*><*>` → `<*>`. */
export function collapse(text: string): string {
  return text
    .replace(SIGNED, '$1')
    .replace(GLUED, WILDCARD)
    .replace(DOTTED, WILDCARD)
    .replace(DOUBLE, WILDCARD)
}

/** Compiles user masks from config (`{ name, pattern }` with a regex source); invalid patterns are reported. */
export function compileMasks(specs: readonly { name: string; pattern: string }[]): {
  masks: UserMask[]
  invalid: { name: string; reason: string }[]
} {
  const masks: UserMask[] = []
  const invalid: { name: string; reason: string }[] = []
  for (const s of specs) {
    try {
      masks.push({ name: s.name, pattern: new RegExp(s.pattern, 'g') })
    } catch (e) {
      invalid.push({ name: s.name, reason: e instanceof Error ? e.message : String(e) })
    }
  }
  return { masks, invalid }
}
