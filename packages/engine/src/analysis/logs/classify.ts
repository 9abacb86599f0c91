/**
 * @module Classification: a line's level when its header gave none, and a template's severity (fatal, error,
 * warning, info) from the level it was logged at, its wording and how much of the stream it makes up.
 */
import { isLevelWord, levelRank, toLevel } from './levels.ts'
import type { LogLevel } from './levels.ts'

export const SEVERITIES = ['info', 'warning', 'error', 'fatal'] as const
export type Severity = (typeof SEVERITIES)[number]

const rank = (s: Severity): number => SEVERITIES.indexOf(s)
const byRank = (r: number): Severity => SEVERITIES[Math.max(0, Math.min(3, r))]!

const FATAL =
  /\b(?:fatal|panic(?:ked)?|segfault|segmentation fault|out of memory|oom|core dumped|unrecoverable|corrupt(?:ed|ion)?|emergency)\b/i
const ERROR =
  /\b(?:errors?|exception|fail(?:ed|ure|ures|s)?|refused|denied|unreachable|timed out|cannot|can't|could not|couldn't|unable to|abort(?:ed|ing)?|crash(?:ed|es)?|killed|broken)\b/i
const WARNING =
  /\b(?:warn(?:ing)?|deprecated|retry(?:ing)?|retries|slow|degraded|throttl\w*|timeout|invalid|rejected|not found|missing|lost|unavailable|disconnect(?:ed)?)\b/i
const REASSURING =
  /\b(?:corrected|recovered|resolved|no errors?|without errors?|succeeded|successful(?:ly)?|0 errors?)\b/i

/** Severity the wording of a message or template suggests. */
export function wordingSeverity(text: string): Severity {
  let r = FATAL.test(text) ? 3 : ERROR.test(text) ? 2 : WARNING.test(text) ? 1 : 0
  if (r > 0 && REASSURING.test(text)) r--
  return byRank(r)
}

/** Level written into a message without a header: `ERROR: …`, `[warn] …`, `<E> …` within the first tokens. */
export function levelOfText(text: string): LogLevel | null {
  const tokens = text.trimStart().split(/\s+/, 4)
  for (const [i, t] of tokens.entries()) {
    const word = t.replace(/^[[(<]|[\]):>]+$|:$/g, '')
    if (!isLevelWord(word)) continue
    if (word === word.toUpperCase() || (i === 0 && t.endsWith(':'))) return toLevel(word)
    if (/^[[(<].*[\]):>]$/.test(t)) return toLevel(word)
  }
  return null
}

export const levelSeverity = (l: LogLevel): Severity =>
  l === 'fatal' ? 'fatal' : l === 'error' ? 'error' : l === 'warn' ? 'warning' : 'info'

export interface SeverityInput {
  /** Highest level the template was logged at, or null when no line said. */
  level: LogLevel | null
  /** Template text (or a message). */
  text: string
  /** The template's share of its source's lines (0–1); a very common template is routine chatter. */
  share?: number
  /** True when the template's events carried a stack trace. */
  exception?: boolean
}

/** Threshold above which wording alone is discounted: a message that is a fifth of a stream is routine. */
export const COMMON_SHARE = 0.2

/**
 * Severity of a template. A logged level is trusted, and wording can raise it by one step at most (an INFO line
 * saying "failed" is a warning). Without a level the wording decides, lowered one step for templates that are a
 * large share of the stream; a stack trace makes it an error at least.
 */
export function severityOf(input: SeverityInput): Severity {
  const words = rank(wordingSeverity(input.text))
  let r: number
  if (input.level !== null) {
    const lv = rank(levelSeverity(input.level))
    r = levelRank(input.level) <= levelRank('debug') ? 0 : Math.max(lv, Math.min(words, lv + 1))
  } else {
    r = words
    if (r > 0 && (input.share ?? 0) >= COMMON_SHARE) r--
  }
  if (input.exception === true) r = Math.max(r, 2)
  return byRank(r)
}
