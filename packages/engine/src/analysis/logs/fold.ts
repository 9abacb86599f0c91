/**
 * @module Stack-trace folding: continuation lines (Java `at …`, `Caused by:`, `... 5 more`, Node `    at …`,
 * Python tracebacks) join the event that opened them, so one exception is one event carrying its frames.
 * A folder is fed lines in order and hands back events once they are complete; `flush` ends the last one.
 */
import type { ParsedLine } from './preprocess.ts'

export interface ExceptionInfo {
  type: string
  message: string
}

export interface LogEvent extends ParsedLine {
  /** Raw lines of the event, the first one included. */
  lines: string[]
  frames: string[]
  /** The exception thrown, then each `Caused by`, outermost first. */
  exceptions: ExceptionInfo[]
}

export interface Folder {
  push(line: ParsedLine): LogEvent[]
  flush(): LogEvent[]
}

const FRAME = /^\s+at\s+\S/
const PY_FRAME = /^\s+File "[^"]*", line \d+/
const CAUSE = /^\s*(?:Caused by|Suppressed): /
const MORE = /^\s*\.\.\. \d+ (?:more|common frames omitted)/
const TRACEBACK = /^Traceback \(most recent call last\):/
const PY_CHAINED = /^(?:During handling of the above exception|The above exception was the direct cause)/
const EXCEPTION =
  /^\s*(?:Caused by: |Suppressed: )?((?:[a-zA-Z_$][\w$]*\.)*[A-Z][\w$]*(?:Exception|Error|Throwable|Exit|Interrupt|Fault|Warning)|Error|[A-Z]\w*Error)(?::\s*(.*))?$/

/** Reads `Type: message` from an exception line; null when the line is not one. */
export function exceptionOf(text: string): ExceptionInfo | null {
  const m = EXCEPTION.exec(text)
  return m === null ? null : { type: m[1]!, message: (m[2] ?? '').trim() }
}

function start(line: ParsedLine): LogEvent {
  const e: LogEvent = { ...line, lines: [line.raw], frames: [], exceptions: [] }
  const ex = exceptionOf(line.message)
  if (ex !== null) e.exceptions.push(ex)
  if (line.stack !== null) foldText(e, line.stack)
  return e
}

/** Folds a multi-line stack (as carried in a JSON `err.stack`) into an event. */
function foldText(e: LogEvent, stack: string): void {
  const lines = stack.split('\n')
  const head = exceptionOf(lines[0] ?? '')
  if (head !== null && !e.exceptions.some((x) => x.type === head.type && x.message === head.message)) {
    e.exceptions.push(head)
  }
  for (const l of lines.slice(1)) addContinuation(e, l, true)
}

function addContinuation(e: LogEvent, text: string, embedded = false): void {
  if (!embedded) e.lines.push(text)
  if (FRAME.test(text) || PY_FRAME.test(text)) {
    e.frames.push(text.trim())
    return
  }
  const ex = exceptionOf(text)
  if (ex !== null) e.exceptions.push(ex)
}

/** True when a line continues the event before it rather than starting one. */
function continues(text: string, inPython: boolean): boolean {
  if (FRAME.test(text) || CAUSE.test(text) || MORE.test(text) || TRACEBACK.test(text)) return true
  if (inPython)
    return PY_FRAME.test(text) || /^\s{2,}\S/.test(text) || PY_CHAINED.test(text) || text.trim() === ''
  return false
}

export function createFolder(): Folder {
  let open: LogEvent | null = null
  let python = false

  return {
    push(line) {
      const text = line.raw
      if (open !== null) {
        if (TRACEBACK.test(text)) python = true
        if (continues(text, python)) {
          addContinuation(open, text)
          return []
        }
        const isException = exceptionOf(text) !== null
        if (python && isException) {
          addContinuation(open, text)
          python = false
          return []
        }
        // A bare `java.io.IOException: …` line right after a log line is the exception that line logs.
        if (
          isException &&
          line.format === 'plain' &&
          open.frames.length === 0 &&
          open.exceptions.length === 0
        ) {
          addContinuation(open, text)
          return []
        }
      }
      const done = open === null ? [] : [open]
      open = start(line)
      python = TRACEBACK.test(text)
      return done
    },
    flush() {
      const done = open === null ? [] : [open]
      open = null
      python = false
      return done
    },
  }
}
