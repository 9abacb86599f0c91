/** @module Recognizes placeholders, references and dummy values that look like secrets but are not. */

const PLACEHOLDER_WORDS =
  /x{4}|\*{3}|\.{3}|#{3}|_{4}|-{4}|example|placeholder|your[_-]?|changeme|change[_-]me|dummy|sample|fake|redacted|replace|insert|notreal|not[_-]a[_-]real|not[_-]real|lorem|foobar|<[^>]*>|\$\{|\{\{|enter[_-]?your|put[_-]your|goes[_-]here|_here\b/gi

/** A reference to a value held elsewhere: env lookups, template variables, vault paths, code expressions. */
const REFERENCE =
  /^(?:\$\{?[\w.:-]+\}?|\$\(.*\)|%[\w.-]+%|\{\{.*\}\}|\{[\w.-]+\}|<%=?.*%>|#\{.*\}|ENC\[.*|@\w+@|process\.env\b.*|os\.(?:environ|getenv)\b.*|env\(.*|ENV\[.*|vault:.*|secret(?:s)?\.\w+.*|(?:var|local|data|module|self|this|args|params|config|settings|opts|options)\.[\w.[\]]+|[A-Za-z_$][\w$]*\(.*)$/

/** Sequences people type when they make up a value. */
const SEQUENCES = /0123456|1234567|2345678|3456789|abcdefgh|bcdefghi|qwerty|asdfgh/i

export function isReference(v: string): boolean {
  return REFERENCE.test(v)
}

/** A value with a short repeating period (123123…, abab…) or one symbol filling most of it. */
export function isRepetitive(v: string): boolean {
  if (v.length < 6) return false
  for (let p = 1; p <= 4; p++) {
    let same = true
    for (let i = p; i < v.length && same; i++) same = v[i] === v[i - p]
    if (same) return true
  }
  const counts = new Map<string, number>()
  let max = 0
  for (const c of v) {
    const n = (counts.get(c) ?? 0) + 1
    counts.set(c, n)
    if (n > max) max = n
  }
  if (max / v.length > 0.5) return true
  return /(.)\1{5}/.test(v)
}

/**
 * A placeholder word counts when written in one case (`example`, `EXAMPLE`, `Example`): in a random token the same
 * letters turn up in mixed case (`…1lFaKe…`) by chance.
 */
function hasPlaceholderWord(v: string): boolean {
  PLACEHOLDER_WORDS.lastIndex = 0
  for (let m = PLACEHOLDER_WORDS.exec(v); m; m = PLACEHOLDER_WORDS.exec(v)) {
    const w = m[0]
    if (w === w.toLowerCase() || w === w.toUpperCase() || w.slice(1) === w.slice(1).toLowerCase()) return true
  }
  return false
}

export function isPlaceholder(v: string): boolean {
  return hasPlaceholderWord(v) || isRepetitive(v) || SEQUENCES.test(v) || isReference(v)
}

/**
 * For a value whose provider format already matched: only placeholder words and filler count against it. Typed
 * runs such as `1234567890` stay acceptable there, since the prefix and exact length are the evidence.
 */
export function isDummyToken(v: string): boolean {
  return hasPlaceholderWord(v) || isRepetitive(v)
}
