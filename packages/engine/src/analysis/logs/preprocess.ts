/**
 * @module Recognises a raw line's shape and reduces it to what gets templated. JSON lines give their message
 * field; text lines lose their header (timestamp, level, host, logger). Level, time, source and the remaining
 * fields are kept beside the message, so raw lines and already-split messages go through the same miner.
 */
import { parseHeader } from './headers.ts'
import type { LineFormat } from './headers.ts'
import { parseJsonLine } from './json-line.ts'
import type { ContextValue } from './json-line.ts'
import type { LogLevel } from './levels.ts'

export interface ParsedLine {
  raw: string
  format: LineFormat
  /** The text to template. */
  message: string
  level: LogLevel | null
  /** Epoch milliseconds when the line says so unambiguously, else null. */
  time: number | null
  /** Logger, unit or scope named in the header. */
  source: string | null
  /** An error stack carried inside a JSON line. */
  stack: string | null
  context: Record<string, ContextValue>
}

export interface PreprocessOptions {
  /** 'auto' recognises JSON and text headers; 'text' skips JSON; 'json' treats non-JSON lines as plain. */
  format?: 'auto' | 'text' | 'json'
}

export function preprocess(raw: string, options: PreprocessOptions = {}): ParsedLine {
  const format = options.format ?? 'auto'
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
  if (format !== 'text' && line.trimStart().startsWith('{')) {
    const j = parseJsonLine(line)
    if (j !== null) return { raw: line, format: 'json', source: null, ...j }
  }
  if (format === 'json') {
    return {
      raw: line,
      format: 'plain',
      message: line,
      level: null,
      time: null,
      source: null,
      stack: null,
      context: {},
    }
  }
  return { raw: line, stack: null, ...parseHeader(line) }
}
