/**
 * @module The `command` log source: lines a long-running command prints (`journalctl -f`, a platform's log
 * tail), stderr lines marked, the command restarted with backoff when it exits. Output goes through a bounded
 * queue, so a chatty command is sampled rather than ever made to wait.
 */
import { parseDuration } from '../../domain/duration.ts'
import { createBoundedQueue } from '../queue.ts'
import type { BoundedQueue } from '../queue.ts'
import type { LogLine, LogSource, LogSourceFactory } from '../types.ts'
import type { CommandLogSourceConfig } from './schema.ts'
import { supervise } from './supervise.ts'

export const commandLogSource: LogSourceFactory<CommandLogSourceConfig> = (config, deps): LogSource => {
  let current: BoundedQueue<LogLine> | null = null
  return {
    type: 'command',
    load: () => current?.load() ?? { queued: 0, dropped: 0, sampledEvery: 1 },
    async *open(from, ctx) {
      const queue = createBoundedQueue<LogLine>({ capacity: deps.queueCapacity ?? 10_000 })
      current = queue
      // A command cannot replay its output: numbering continues from the cursor, lines start afresh.
      let seq = from?.kind === 'seq' ? from.seq : 0
      const stop = new AbortController()
      const onAbort = () => stop.abort()
      ctx.signal.addEventListener('abort', onAbort, { once: true })
      if (ctx.signal.aborted) stop.abort()
      const running = supervise({
        run: config.run,
        signal: stop.signal,
        initialBackoffMs: parseDuration(config.initialBackoff) ?? 1_000,
        maxBackoffMs: parseDuration(config.maxBackoff) ?? 60_000,
        random: deps.random ?? Math.random,
        now: ctx.now,
        onLine(text, stream) {
          const line: LogLine = {
            text,
            source: deps.name,
            receivedAt: ctx.now(),
            cursor: { kind: 'seq', seq: ++seq },
          }
          if (stream === 'stderr') line.stream = 'stderr'
          queue.push(line)
        },
      }).finally(() => queue.close())
      try {
        yield* queue.items(stop.signal)
      } finally {
        ctx.signal.removeEventListener('abort', onAbort)
        stop.abort()
        void running
      }
    },
  }
}
