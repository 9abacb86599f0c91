/** @module Shannon entropy and character-class measures used to tell random tokens from words. */

/** Bits per character of the string's own symbol distribution. */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0
  const counts = new Map<string, number>()
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1)
  let h = 0
  for (const n of counts.values()) {
    const p = n / s.length
    h -= p * Math.log2(p)
  }
  return h
}

/** How many of lower, upper, digit and other classes appear. */
export function charClasses(s: string): number {
  let lower = 0
  let upper = 0
  let digit = 0
  let other = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 97 && c <= 122) lower = 1
    else if (c >= 65 && c <= 90) upper = 1
    else if (c >= 48 && c <= 57) digit = 1
    else other = 1
  }
  return lower + upper + digit + other
}

/** True when the value reads like a random token: long enough, varied and not one class of symbol. */
export function looksRandom(v: string, minLength = 16): boolean {
  if (v.length < minLength) return false
  const classes = charClasses(v)
  if (classes < 2) return false
  const h = shannonEntropy(v)
  if (/^[0-9a-f]+$/i.test(v)) return h >= 3 && /\d/.test(v) && /[a-f]/i.test(v)
  return h >= (v.length >= 24 ? 3.5 : 3.2)
}
