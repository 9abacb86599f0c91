/**
 * @module JSON log lines (pino, bunyan, winston, Docker, most structured loggers): the message field is what gets
 * templated; level, time and an error stack are lifted out; the other scalar fields stay as context.
 */
import { toLevel } from './levels.ts'
import type { LogLevel } from './levels.ts'

export type ContextValue = string | number | boolean | null

export interface JsonLine {
  message: string
  level: LogLevel | null
  time: number | null
  stack: string | null
  context: Record<string, ContextValue>
}

const MESSAGE_KEYS = ['msg', 'message', '@message', 'text', 'log', 'event', '@m', '@mt']
const LEVEL_KEYS = ['level', 'severity', 'lvl', 'levelname', 'log.level', '@l', 'loglevel']
const TIME_KEYS = ['time', 'timestamp', '@timestamp', 'ts', '@t', 'date', 't']
const ERROR_KEYS = ['err', 'error', 'exception', 'stack', 'stack_trace', 'exc_info']
/** Fields every line of a logger carries that say nothing about the event. */
const NOISE = new Set(['v', 'pid', 'hostname', 'name'])

/** Epoch milliseconds from a number (seconds or ms) or a date string; null when unreadable. */
export function toTime(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v < 1e11 ? v * 1000 : v
  if (typeof v !== 'string' || v === '') return null
  if (/^\d+(\.\d+)?$/.test(v)) return toTime(Number(v))
  const t = Date.parse(v)
  return Number.isNaN(t) ? null : t
}

function stackOf(v: unknown): string | null {
  if (typeof v === 'string') return v.includes('\n') ? v : null
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    if (typeof o.stack === 'string') return o.stack
    if (typeof o.message === 'string' && typeof o.type === 'string') return `${o.type}: ${o.message}`
  }
  return null
}

const pick = (o: Record<string, unknown>, keys: readonly string[]): [string, unknown] | null => {
  for (const k of keys) if (o[k] !== undefined && o[k] !== null && o[k] !== '') return [k, o[k]]
  return null
}

/** Reads a JSON object line; null when the line is not a JSON object. */
export function parseJsonLine(line: string): JsonLine | null {
  const t = line.trim()
  if (!t.startsWith('{') || !t.endsWith('}')) return null
  let o: unknown
  try {
    o = JSON.parse(t)
  } catch {
    return null
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return null
  const obj = o as Record<string, unknown>
  const msg = pick(obj, MESSAGE_KEYS)
  const lvl = pick(obj, LEVEL_KEYS)
  const time = pick(obj, TIME_KEYS)
  const err = pick(obj, ERROR_KEYS)
  const used = new Set([msg?.[0], lvl?.[0], time?.[0], err?.[0]])
  const context: Record<string, ContextValue> = {}
  for (const [k, v] of Object.entries(obj)) {
    if (used.has(k) || NOISE.has(k)) continue
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') context[k] = v
  }
  const stack = err === null ? null : stackOf(err[1])
  let message = typeof msg?.[1] === 'string' ? msg[1].trimEnd() : msg === null ? '' : JSON.stringify(msg[1])
  if (message === '' && stack !== null) message = stack.split('\n', 1)[0]!
  return {
    message,
    level: lvl === null ? null : toLevel(lvl[1]),
    time: time === null ? null : toTime(time[1]),
    stack,
    context,
  }
}
