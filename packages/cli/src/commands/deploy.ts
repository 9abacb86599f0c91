/** @module rina deploy ENV, rina rollback ENV, rina approve RELEASE */
import type { DeployOutcome, RollbackOutcome } from '@rinawarp/engine'
import {
  approve as approveRelease,
  deploy as deployRelease,
  formatDuration,
  rollback as rollbackEnv,
} from '@rinawarp/engine'
import { cancelOnSigint, confirmIo } from '../confirm.ts'
import { withContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import type { Run } from '../io.ts'

export async function deploy(
  run: Run,
  env: string,
  opts: { release?: string; dryRun?: boolean; acceptRisk?: string },
): Promise<number> {
  return withContext(run, async (ctx) => {
    const cancel = cancelOnSigint()
    try {
      const outcome = await run.out.progress(`deploying to ${env}`, (update) =>
        deployRelease(
          { ...ctx, progress: update, processEnv: run.io.env },
          {
            env,
            release: opts.release,
            dryRun: opts.dryRun,
            acceptRisk: opts.acceptRisk,
            confirm: confirmIo(run.io, run.out),
            signal: cancel.signal,
            onLog: (line) => run.out.log(run.out.paint('dim', `  │ ${line}`)),
          },
        ),
      )
      run.out.result(outcome)
      return report(run, outcome)
    } finally {
      cancel.dispose()
    }
  })
}

function report(run: Run, o: DeployOutcome): number {
  const p = run.out.paint
  if (o.status === 'planned') {
    for (const l of o.lines) run.out.line(l)
    run.out.line(p('dim', '(dry run: nothing was changed)'))
    return EXIT.ok
  }
  if (o.status === 'succeeded') {
    run.out.line(
      `${p('green', '✓')} ${o.release} is live in ${o.env} (was ${o.previous ?? 'nothing'}), ${formatDuration(o.durationMs)}, run ${o.runId}`,
    )
    return EXIT.ok
  }
  run.out.line(`${p('red', '✗')} deploy of ${o.release} to ${o.env} failed: ${o.reason}`)
  run.out.line(p('dim', `  its output: rina logs run ${o.runId}`))
  if (o.rollback) rollbackLine(run, o.rollback, 'automatic rollback')
  if (o.prepared?.ready)
    run.out.line(
      `rollback prepared: ${o.prepared.detail}\n  a person decides; to go back run: ${o.prepared.command}`,
    )
  else if (o.prepared) run.out.line(`no rollback possible: ${o.prepared.detail}`)
  return EXIT.failure
}

function rollbackLine(run: Run, r: RollbackOutcome, what: string) {
  const p = run.out.paint
  if (r.ok)
    run.out.line(`${p('yellow', '↩')} ${what}: ${r.env} is back on ${r.to}, health verified (run ${r.runId})`)
  else run.out.line(`${p('red', '✗')} ${what} to ${r.to} failed: ${r.reason} — ${r.env} needs a person now`)
}

export async function rollback(
  run: Run,
  env: string,
  opts: { to?: string; reason?: string },
): Promise<number> {
  return withContext(run, async (ctx) => {
    const cancel = cancelOnSigint()
    try {
      const r = await run.out.progress(`rolling ${env} back`, (update) =>
        rollbackEnv(
          { ...ctx, progress: update, processEnv: run.io.env },
          {
            env,
            to: opts.to,
            reason: opts.reason,
            signal: cancel.signal,
            onLog: (line) => run.out.log(run.out.paint('dim', `  │ ${line}`)),
          },
        ),
      )
      run.out.result(r)
      rollbackLine(run, r, 'rollback')
      return r.ok ? EXIT.ok : EXIT.failure
    } finally {
      cancel.dispose()
    }
  })
}

export async function approve(
  run: Run,
  release: string,
  opts: { env: string; reason?: string },
): Promise<void> {
  await withContext(run, async (ctx) => {
    const e = await approveRelease(ctx, { release, env: opts.env, reason: opts.reason })
    run.out.result(e)
    run.out.line(
      `${run.out.paint('green', '✓')} ${e.actor.id} approved ${release} for ${opts.env} (event ${e.seq})`,
    )
  })
}
