/**
 * @module The secrets scanner: runs every detector over a text and returns located, de-duplicated matches.
 * Pure and synchronous; the preflight rules feed it the added lines of each file, the benchmark whole files.
 */
import {
  FORMAT_LITERALS,
  findKubernetesSecrets,
  findPrivateKeys,
  findUrlCredentials,
  type Located,
} from './formats.ts'
import { HTTP_LITERALS, findHttpAuth } from './http-auth.ts'
import { KEYWORD_LITERALS } from './keywords.ts'
import { CONTEXT_LITERALS, findContextual } from './contextual.ts'
import { findAssignments } from './generic.ts'
import { LineIndex } from './lines.ts'
import { LiteralSet, type TextHits } from './prefilter.ts'
import { isDummyToken } from './placeholder.ts'
import { TOKEN_PATTERNS, type TokenPattern } from './providers.ts'
import { charClasses } from './entropy.ts'

/** Which detector found it; each is one preflight rule. */
export const SECRET_DETECTORS = [
  'private-key',
  'provider-token',
  'url-credentials',
  'http-auth',
  'kubernetes-secret',
  'generic-assignment',
] as const
export type SecretDetector = (typeof SECRET_DETECTORS)[number]

export interface SecretMatch {
  detector: SecretDetector
  /** Provider or format, e.g. "github", "private-key", "password". */
  kind: string
  label: string
  line: number
  endLine: number
  /** The raw secret; callers redact it before showing anything. */
  value: string
}

/** Which patterns each hint belongs to. */
const PATTERNS_BY_HINT = new Map<string, number[]>()
TOKEN_PATTERNS.forEach((t, i) => {
  for (const h of t.hints) PATTERNS_BY_HINT.set(h, [...(PATTERNS_BY_HINT.get(h) ?? []), i])
})

/** Each pattern runs only over the lines that hold one of its hints. */
export function findTokens(text: string, hits: TextHits = LITERALS.scan(text)): Located[] {
  const offsets = new Map<number, (readonly number[])[]>()
  for (const [literal, at] of hits.entries())
    for (const i of PATTERNS_BY_HINT.get(literal) ?? []) {
      const list = offsets.get(i)
      if (list) list.push(at)
      else offsets.set(i, [at])
    }
  const out: Located[] = []
  for (const i of [...offsets.keys()].sort((a, b) => a - b)) {
    const t = TOKEN_PATTERNS[i]!
    for (const [start, end] of hits.linesAround(offsets.get(i)!)) {
      const line = text.slice(start, end)
      t.re.lastIndex = 0
      for (let m = t.re.exec(line); m; m = t.re.exec(line)) {
        const value = m[1] ?? m[0]
        const at = m.index + m[0].indexOf(value)
        if (!t.strict && !plausible(t, value, line.slice(at + value.length, at + value.length + 3))) continue
        out.push({ kind: t.kind, label: t.label, value, offset: start + at })
      }
    }
  }
  return out
}

/**
 * The part after the provider prefix must not be a placeholder or words joined by underscores
 * (`some_long_made_up_name`), and nothing masked may follow it.
 */
function plausible(t: TokenPattern, value: string, after: string): boolean {
  const hint = t.hints.find((h) => value.startsWith(h))
  const body = hint ? value.slice(hint.length) : value.replace(/^[a-z0-9]+[_-]/i, '')
  if (isDummyToken(body) || charClasses(body) < 2 || WORDS.test(body)) return false
  return !/^(?:[#*…]|\.\.\.)/.test(after)
}

const WORDS = /(?:[a-z]{4,}\d*_){3}/i

/** Every literal any detector looks for, found in one pass per text. */
const LITERALS = new LiteralSet([
  ...TOKEN_PATTERNS.flatMap((t) => t.hints),
  ...KEYWORD_LITERALS,
  ...CONTEXT_LITERALS,
  ...FORMAT_LITERALS,
  ...HTTP_LITERALS,
])

export function scanSecrets(text: string): SecretMatch[] {
  const hits = LITERALS.scan(text)
  let index: LineIndex | null = null
  const out: SecretMatch[] = []
  const taken = new Set<number>()
  const add = (detector: SecretDetector, found: Located[]) => {
    if (found.length === 0) return
    const lines = (index ??= new LineIndex(text))
    for (const f of found) {
      const line = lines.lineOf(f.offset)
      const endLine =
        f.endOffset === undefined ? lines.lineOf(f.offset + f.value.length - 1) : lines.lineOf(f.endOffset)
      if (taken.has(line)) continue
      for (let l = line; l <= endLine; l++) taken.add(l)
      out.push({ detector, kind: f.kind, label: f.label, line, endLine, value: f.value })
    }
  }
  add('private-key', findPrivateKeys(text, hits))
  add('provider-token', [...findTokens(text, hits), ...findContextual(text, hits)])
  add('url-credentials', findUrlCredentials(text, hits))
  add('http-auth', findHttpAuth(text, hits))
  add('kubernetes-secret', findKubernetesSecrets(text, hits))
  add(
    'generic-assignment',
    findAssignments(text, hits).map((a) => ({
      kind: a.strength === 'password' ? 'password' : 'generic',
      label: `${a.strength === 'password' ? 'password' : 'secret'} assigned to "${a.name}"`,
      value: a.value,
      offset: a.offset,
    })),
  )
  return out.sort((a, b) => a.line - b.line)
}
