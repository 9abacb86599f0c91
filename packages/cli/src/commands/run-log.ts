/** @module rina logs run RUN_ID [--follow]: the stored command output of a deploy or rollback run. */
import { setTimeout as sleep } from 'node:timers/promises'
import type { RunLogLine } from '@rinawarp/engine'
import { readRunLog } from '@rinawarp/engine'
import { withContext } from '../context.ts'
import type { Run } from '../io.ts'

const PAGE = 1000

function show(run: Run, l: RunLogLine): void {
  const p = run.out.paint
  const mark = l.stream === 'stderr' ? p('yellow', '!') : p('dim', '│')
  run.out.line(`${p('dim', `${l.time.slice(11, 19)} ${l.stepId ?? '-'}`)} ${mark} ${l.text}`)
}

/** Prints the run's log; with --follow, keeps printing new lines until the run ends (or Ctrl-C). */
export async function runLog(
  run: Run,
  runId: string,
  opts: { follow?: boolean; interval?: string },
): Promise<void> {
  await withContext(run, async (ctx) => {
    if (opts.follow !== true) {
      const lines: RunLogLine[] = []
      let page = await readRunLog(ctx, { runId, limit: PAGE })
      lines.push(...page.lines)
      while (page.lines.length === PAGE) {
        page = await readRunLog(ctx, { runId, after: page.next, limit: PAGE })
        lines.push(...page.lines)
      }
      run.out.result({ runId, running: page.running, lines })
      for (const l of lines) show(run, l)
      if (lines.length === 0)
        run.out.line(run.out.paint('dim', page.running ? 'no output yet' : 'no output was recorded'))
      return
    }
    const intervalMs = Math.max(50, Number(opts.interval ?? 500) || 500)
    const stop = new AbortController()
    const onSignal = () => stop.abort()
    process.once('SIGINT', onSignal)
    process.once('SIGTERM', onSignal)
    try {
      let after = 0
      for (;;) {
        const page = await readRunLog(ctx, { runId, after, limit: PAGE })
        for (const l of page.lines) {
          if (run.out.json) run.io.stdout.write(`${JSON.stringify({ runId, ...l })}\n`)
          else show(run, l)
        }
        after = page.next
        if (page.lines.length === PAGE) continue
        if (!page.running || stop.signal.aborted) return
        await sleep(intervalMs, undefined, { signal: stop.signal }).catch(() => {})
      }
    } finally {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  })
}
