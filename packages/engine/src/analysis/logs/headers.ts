/**
 * @module Text line headers: nginx/Apache access and error logs, syslog and journal lines, Electron and Chromium
 * logs, and the common `timestamp level [thread] logger: message` shape. Each recogniser returns the message
 * without its header, the level and time it carried, and the rest as context.
 */
import { toTime } from './json-line.ts'
import type { ContextValue } from './json-line.ts'
import { isLevelWord, syslogLevel, toLevel } from './levels.ts'
import type { LogLevel } from './levels.ts'

export const LINE_FORMATS = [
  'json',
  'access',
  'nginx-error',
  'apache-error',
  'syslog',
  'electron',
  'chromium',
  'timestamped',
  'epoch-columns',
  'plain',
] as const
export type LineFormat = (typeof LINE_FORMATS)[number]

export interface Header {
  format: LineFormat
  message: string
  level: LogLevel | null
  time: number | null
  source: string | null
  context: Record<string, ContextValue>
}

const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ')
const ACCESS = /^(\S+) \S+ (\S+) \[([^\]]+)\] "([^"]*)" (\d{3}) (\S+)(?: "([^"]*)" "([^"]*)")?/
const CLF_TIME = /^(\d{2})\/(\w{3})\/(\d{4}):(\d{2}:\d{2}:\d{2}) ([+-]\d{2})(\d{2})$/
const NGINX_ERROR = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) \[(\w+)\] (\d+)#\d+: (?:\*\d+ )?(.*)$/
const APACHE_ERROR =
  /^\[(\w{3} \w{3} \d{2} [\d:.]+ \d{4})\] \[(?:([\w-]+):)?(\w+)\](?: \[pid [^\]]*\])? (.*)$/
const SYSLOG_5424 = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) \S+ (?:-|(?:\[[^\]]*\])+) ?(.*)$/
const SYSLOG =
  /^(?:<(\d{1,3})>)?(\w{3} +\d{1,2} \d{2}:\d{2}:\d{2}|\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-][\d:]+)?) (\S+) ([^\s:[]+)(?:\[(\d+)\])?: (.*)$/
const ELECTRON = /^\[(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?)\] \[(\w+)\]\s+(?:\(([^)]*)\)\s+)?(.*)$/
const CHROMIUM = /^\[(\d+):(\d+)\/\d+\.\d+:([A-Z]+\d*):([^\]]+)\] (.*)$/

function accessLine(line: string): Header | null {
  const m = ACCESS.exec(line)
  if (m === null) return null
  const status = Number(m[5])
  const t = CLF_TIME.exec(m[3]!)
  const month = t === null ? -1 : MONTHS.indexOf(t[2]!)
  const time =
    t === null || month < 0
      ? null
      : Date.parse(`${t[3]}-${String(month + 1).padStart(2, '0')}-${t[1]}T${t[4]}${t[5]}:${t[6]}`)
  const context: Record<string, ContextValue> = {
    remote: m[1]!,
    status,
    bytes: m[6] === '-' ? 0 : Number(m[6]),
  }
  if (m[2] !== '-') context.user = m[2]!
  if (m[7] !== undefined) context.referer = m[7]
  if (m[8] !== undefined) context.agent = m[8]
  const level: LogLevel = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'
  return { format: 'access', message: `${m[4]} ${status}`, level, time, source: null, context }
}

function recognise(line: string): Header | null {
  const c = line[0]
  if (c === '[') {
    let m = ELECTRON.exec(line)
    if (m !== null) {
      const lv = toLevel(m[2])
      const context: Record<string, ContextValue> = lv === null ? { scope: m[2]! } : {}
      return {
        format: 'electron',
        message: m[4]!,
        level: lv,
        time: toTime(m[1]!),
        source: m[3] ?? null,
        context,
      }
    }
    m = CHROMIUM.exec(line)
    if (m !== null) {
      const lv = toLevel(m[3]!.replace(/\d+$/, '')) ?? (m[3]!.startsWith('VERBOSE') ? 'debug' : null)
      return {
        format: 'chromium',
        message: m[5]!,
        level: lv,
        time: null,
        source: m[4]!,
        context: { pid: Number(m[1]) },
      }
    }
    m = APACHE_ERROR.exec(line)
    if (m !== null) {
      const context: Record<string, ContextValue> = m[2] === undefined ? {} : { module: m[2] }
      return {
        format: 'apache-error',
        message: m[4]!,
        level: toLevel(m[3]),
        time: toTime(m[1]!),
        source: null,
        context,
      }
    }
    return null
  }
  if (c === '<') {
    const m = SYSLOG_5424.exec(line)
    if (m !== null) {
      const context: Record<string, ContextValue> = { host: m[3]! }
      if (m[5] !== '-') context.pid = m[5]!
      return {
        format: 'syslog',
        message: m[6]!,
        level: syslogLevel(Number(m[1])),
        time: toTime(m[2]),
        source: m[4]!,
        context,
      }
    }
  }
  let m = NGINX_ERROR.exec(line)
  if (m !== null) {
    const time = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}Z`)
    return {
      format: 'nginx-error',
      message: m[7]!,
      level: toLevel(m[5]),
      time,
      source: null,
      context: { pid: Number(m[6]) },
    }
  }
  m = SYSLOG.exec(line)
  if (m !== null) {
    const context: Record<string, ContextValue> = { host: m[3]! }
    if (m[5] !== undefined) context.pid = Number(m[5])
    const level = m[1] === undefined ? null : syslogLevel(Number(m[1]))
    return { format: 'syslog', message: m[6]!, level, time: toTime(m[2]!), source: m[4]!, context }
  }
  return accessLine(line)
}

const HEADERISH = /^(?:[^a-z]*|\S*\d\S*)$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const CLOCK = /^(\d{2}:\d{2}:\d{2})(?:[.,](\d+))?,?$/
/** Spring Boot's `1234 --- ` between the level and the thread. */
const SPRING_PID = /^\d+ -{3} /
/** A short column padded with several spaces, as in `Info   CBS    message`. */
const COLUMN = /^([A-Za-z][\w.$-]{0,30}) {2,}(?=\S)/
const LOGGER = /^(?:[A-Za-z_][\w$-]*\.[\w.$-]+|[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[\w$-]+\$[\w$]+):?$/

/**
 * The `2024-01-02 10:11:12,123 INFO [main] org.app.Thing: message` family: a level word within the first ten
 * tokens, preceded only by header-like tokens (numbers, dates, upper-case words), then optional `[thread]` groups
 * and a logger name. Single-letter levels count only after a numeric token (Android `D Tag:`).
 */
function timestamped(line: string): Header | null {
  const tokens = line.split(/\s+/, 12)
  let at = -1
  for (let i = 0; i < Math.min(tokens.length - 1, 10); i++) {
    const tok = tokens[i]!.replace(/^\[|\]:?$|,$/g, '')
    const single = tok.length === 1 && i > 0 && /\d/.test(tokens[i - 1]!)
    if ((isLevelWord(tok) || (single && toLevel(tok) !== null)) && (i > 0 || tokens.length > 2)) {
      at = i
      break
    }
    if (!HEADERISH.test(tokens[i]!)) return null
  }
  if (at < 0) return null
  const level = toLevel(tokens[at]!.replace(/^\[|\]:?$|,$/g, ''))
  let rest = line
  for (let i = 0; i <= at; i++) rest = rest.slice(rest.indexOf(tokens[i]!) + tokens[i]!.length)
  rest = rest.trimStart()
  let source: string | null = null
  const spring = SPRING_PID.exec(rest)
  if (spring !== null) rest = rest.slice(spring[0].length)
  if (rest.startsWith('[') && rest.indexOf(']') > 0) rest = rest.slice(rest.indexOf(']') + 1).trimStart()
  const column = COLUMN.exec(rest)
  const next = column === null ? rest.split(/\s/, 1)[0]! : column[1]!
  if (column !== null || (next !== '' && LOGGER.test(next) && next.length < rest.length)) {
    source = next.replace(/:$/, '')
    rest = rest.slice(next.length).trimStart()
    if (!next.endsWith(':') && rest.startsWith('[') && rest.indexOf(']') > 0) {
      rest = rest.slice(rest.indexOf(']') + 1).trimStart()
    }
  }
  if (rest.startsWith(': ')) rest = rest.slice(2)
  const d = DATE.exec(tokens[0]!)
  const clock = d === null ? null : CLOCK.exec(tokens[1] ?? '')
  const time =
    d === null || clock === null
      ? null
      : Date.parse(`${tokens[0]}T${clock[1]}${clock[2] ? `.${clock[2].slice(0, 3)}` : ''}Z`)
  return { format: 'timestamped', message: rest, level, time, source, context: {} }
}

/**
 * Column exports (HPC and similar cluster logs): a record number, up to four columns without colons, a Unix
 * time in seconds and an optional small flag, then the message:
 * `134681 node-246 unix.hw state_change.unavailable 1077804742 1 Component State Change: …`.
 */
const EPOCH_COLUMNS = /^(?:\d+|-)((?: [^\s:]+){0,4}) (\d{9,10})(?: (-?\d))? (?=\S)/
const YEAR_2000 = 946_684_800
const YEAR_2100 = 4_102_444_800

function epochColumns(line: string): Header | null {
  const m = EPOCH_COLUMNS.exec(line)
  if (m === null) return null
  const seconds = Number(m[2])
  if (seconds < YEAR_2000 || seconds >= YEAR_2100) return null
  const columns = m[1]!
    .trim()
    .split(' ')
    .filter((c) => c !== '')
  const context: Record<string, ContextValue> = {}
  columns.forEach((c, i) => (context[`column${i + 1}`] = c))
  if (m[3] !== undefined) context.flag = Number(m[3])
  return {
    format: 'epoch-columns',
    message: line.slice(m[0].length),
    level: null,
    time: seconds * 1000,
    source: columns.length >= 2 ? columns[1]! : null,
    context,
  }
}

/** Recognises a text line's header; a line with none comes back whole as a `plain` message. */
export function parseHeader(line: string): Header {
  const h = recognise(line) ?? timestamped(line) ?? epochColumns(line)
  if (h !== null) return h
  return { format: 'plain', message: line, level: null, time: null, source: null, context: {} }
}
