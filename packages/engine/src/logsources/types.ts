/**
 * @module The log source interface: `open` yields lines until `ctx.signal` aborts; each line carries a cursor
 * from which a restarted reader resumes. Sources never block their producer: a full queue samples and counts.
 */

/** Where a file reader stands: the file's identity (device and inode) and the byte offset after the last line. */
export interface FileCursor {
  kind: 'file'
  dev: number
  ino: number
  offset: number
}

/** Where a stream reader stands: the sequence number of the last line read (1-based). */
export interface SeqCursor {
  kind: 'seq'
  seq: number
}

/** Plain JSON, so a reader may store it and resume after a restart. */
export type Cursor = FileCursor | SeqCursor

export interface LogLine {
  /** The line without its line ending. */
  text: string
  /** Name of the source it came from (e.g. `production/api`). */
  source: string
  receivedAt: Date
  /** Opening the source again from this cursor yields the lines after this one. */
  cursor: Cursor
  /** Set for lines a command wrote to stderr. */
  stream?: 'stderr'
}

export interface LogSourceContext {
  signal: AbortSignal
  now(): Date
}

/** How a source copes with load: lines dropped by sampling and the current sampling rate (1 = every line). */
export interface SourceLoad {
  queued: number
  dropped: number
  sampledEvery: number
}

export interface LogSource {
  readonly type: string
  open(from: Cursor | null, ctx: LogSourceContext): AsyncIterable<LogLine>
  /** Load of the queue behind the source, when it has one (command, http-ingest). */
  load?(): SourceLoad
}

/** What a factory may use besides its config. */
export interface LogSourceDeps {
  /** Source name put on every line. */
  name: string
  /** Directory relative paths are resolved against (the directory of rina.yml). Default: the process cwd. */
  baseDir?: string
  /** A number in [0, 1) for backoff jitter. Default Math.random. */
  random?: () => number
  /** Polling interval of the file follower, in ms (fs.watch is the fast path; polling the fallback). */
  pollMs?: number
  /** Lines the queue behind a push-based source holds before it samples. */
  queueCapacity?: number
  /** Clock for lines received outside `open` (http-ingest). */
  now?: () => Date
}

/** One per folder: builds a source from its parsed config. */
export type LogSourceFactory<C> = (config: C, deps: LogSourceDeps) => LogSource
