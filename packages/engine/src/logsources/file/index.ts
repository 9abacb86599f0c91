/** @module The `file` log source: follows a file across rotation and truncation, from its end or its start. */
import { resolve } from 'node:path'
import type { LogSource, LogSourceFactory } from '../types.ts'
import { follow } from './follow.ts'
import type { FileLogSourceConfig } from './schema.ts'

export const fileLogSource: LogSourceFactory<FileLogSourceConfig> = (config, deps): LogSource => {
  const path = resolve(deps.baseDir ?? process.cwd(), config.path)
  return {
    type: 'file',
    async *open(from, ctx) {
      const cursor = from?.kind === 'file' ? from : null
      const lines = follow({
        path,
        from: config.from,
        cursor,
        pollMs: deps.pollMs ?? 500,
        signal: ctx.signal,
      })
      for await (const l of lines) {
        yield { text: l.text, source: deps.name, receivedAt: ctx.now(), cursor: l.cursor }
      }
    },
  }
}
