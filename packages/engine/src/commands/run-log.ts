/**
 * @module Reads a run's stored output (`rina logs run`, GET /api/v1/runs/{runId}/log): the lines after a line
 * number, the number to ask from next, and whether the run still goes on, so a follower knows when to stop.
 */
import { RinaError } from '../errors.ts'
import { DEFAULT_RUN_LOG_PAGE } from '../store/run-log.ts'
import type { RunLogLine } from '../store/types.ts'
import type { CommandContext } from './context.ts'

export interface RunLogPage {
  runId: string
  /** Redacted output lines in seq order. */
  lines: RunLogLine[]
  /** Pass as `after` to get the lines that follow: the last line's seq, or `after` when there was none. */
  next: number
  /** The run still runs, so more lines may come; false once it ended (its log is then complete). */
  running: boolean
}

export async function readRunLog(
  ctx: CommandContext,
  q: { runId: string; after?: number | undefined; limit?: number | undefined },
): Promise<RunLogPage> {
  // The run's state is read before its lines: a run seen ended has written all of them (the output is stored
  // before the outcome is journaled), so a follower that stops on `running: false` misses nothing.
  const run = (await ctx.journal.state()).runs[q.runId]
  if (!run) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `no run ${q.runId}`,
      hint: 'a deploy or rollback prints its run id; `rina status --json` and GET /api/v1/runs list recent runs',
    })
  }
  const after = Math.max(q.after ?? 0, 0)
  const lines = await ctx.store.runLogs.read(q.runId, { after, limit: q.limit ?? DEFAULT_RUN_LOG_PAGE })
  return { runId: q.runId, lines, next: lines.at(-1)?.seq ?? after, running: run.status === 'running' }
}
