/** @module The process edges a command may touch, injected so end-to-end tests can run the CLI in-process. */
import type { Output, OutputStreams } from './output.ts'

export interface Io extends OutputStreams {
  cwd: string
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
}

export interface GlobalOptions {
  config?: string
  json?: boolean
}

export interface Run {
  io: Io
  out: Output
  global: GlobalOptions
}
