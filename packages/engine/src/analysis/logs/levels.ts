/** @module Log levels: the names sources use (pino numbers, syslog words, Android letters) mapped to six levels. */

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export const levelRank = (l: LogLevel): number => LOG_LEVELS.indexOf(l)

const NAMES: Record<string, LogLevel> = {
  trace: 'trace',
  finest: 'trace',
  finer: 'trace',
  verbose: 'debug',
  debug: 'debug',
  fine: 'debug',
  v: 'trace',
  d: 'debug',
  info: 'info',
  information: 'info',
  informational: 'info',
  notice: 'info',
  i: 'info',
  warn: 'warn',
  warning: 'warn',
  w: 'warn',
  error: 'error',
  err: 'error',
  severe: 'error',
  e: 'error',
  fatal: 'fatal',
  crit: 'fatal',
  critical: 'fatal',
  alert: 'fatal',
  emerg: 'fatal',
  emergency: 'fatal',
  panic: 'fatal',
  f: 'fatal',
}

/** Syslog severities 0–7 (RFC 5424). */
const SYSLOG: LogLevel[] = ['fatal', 'fatal', 'fatal', 'error', 'warn', 'info', 'info', 'debug']

/** A level from a name (`WARN`, `warning`, `E`) or a number (pino/bunyan 10–60); null when unknown. */
export function toLevel(value: unknown): LogLevel | null {
  if (typeof value === 'number') {
    if (value >= 60) return 'fatal'
    if (value >= 50) return 'error'
    if (value >= 40) return 'warn'
    if (value >= 30) return 'info'
    if (value >= 20) return 'debug'
    return value >= 10 ? 'trace' : null
  }
  if (typeof value !== 'string') return null
  const v = value.trim().toLowerCase()
  if (/^\d+$/.test(v)) return toLevel(Number(v))
  return NAMES[v] ?? null
}

/** Level from a syslog priority `<PRI>`: severity is PRI mod 8. */
export const syslogLevel = (pri: number): LogLevel => SYSLOG[pri % 8]!

/** Only level words written as words (not single letters), for finding a level inside free text. */
export function isLevelWord(word: string): boolean {
  return word.length > 1 && /^[a-z]+$/i.test(word) && toLevel(word) !== null
}
