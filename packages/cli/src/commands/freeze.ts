/** @module rina freeze enable|disable|status */
import type { FreezeStatus } from '@rinawarp/engine'
import { disableFreeze, enableFreeze, formatActor, freezeStatus, resolveEnvs } from '@rinawarp/engine'
import { withContext } from '../context.ts'
import type { Run } from '../io.ts'
import { table } from '../output.ts'

interface EnvOpts {
  env?: string
  all?: boolean
  reason?: string
  until?: string
}

export async function enable(run: Run, opts: EnvOpts): Promise<void> {
  await withContext(run, async (ctx) => {
    const changes = await enableFreeze(ctx, {
      envs: resolveEnvs(ctx.config, opts),
      reason: opts.reason,
      until: opts.until,
    })
    run.out.result({ frozen: changes })
    const [status] = await freezeStatus(ctx, [changes[0]!.env])
    for (const c of changes)
      run.out.line(
        `${run.out.paint('cyan', '❄')}  ${c.env} frozen${status?.manual?.until ? ` until ${status.manual.until}` : ''} (event ${c.seq})`,
      )
  })
}

export async function disable(run: Run, opts: EnvOpts): Promise<void> {
  await withContext(run, async (ctx) => {
    const changes = await disableFreeze(ctx, { envs: resolveEnvs(ctx.config, opts), reason: opts.reason })
    run.out.result({ unfrozen: changes })
    const after = await freezeStatus(
      ctx,
      changes.map((c) => c.env),
    )
    for (const c of changes) {
      const s = after.find((x) => x.env === c.env)
      const still = s?.activeWindows.length
        ? ` (still inside freeze window "${s.activeWindows[0]!.name}")`
        : ''
      run.out.line(
        c.changed ? `${c.env} unfrozen (event ${c.seq})${still}` : `${c.env} was not frozen${still}`,
      )
    }
  })
}

export async function status(run: Run, opts: EnvOpts): Promise<void> {
  await withContext(run, async (ctx) => {
    const envs = opts.env || opts.all ? resolveEnvs(ctx.config, opts) : Object.keys(ctx.config.environments)
    const list = await freezeStatus(ctx, envs)
    run.out.result({ environments: list })
    run.out.line(table([['ENVIRONMENT', 'STATE', 'DETAIL'], ...list.map((s) => row(run, s))]))
  })
}

function row(run: Run, s: FreezeStatus): string[] {
  const p = run.out.paint
  if (s.manual) {
    const until = s.manual.until ? `until ${s.manual.until}` : 'until lifted'
    return [
      s.env,
      p('cyan', 'FROZEN'),
      `by ${formatActor(s.manual.by)} at ${s.manual.since}, ${until}: ${s.manual.reason}`,
    ]
  }
  if (s.activeWindows.length) {
    const w = s.activeWindows[0]!
    return [
      s.env,
      p('cyan', 'FROZEN'),
      `window "${w.name}" until ${w.end.toISOString()}${w.reason ? `: ${w.reason}` : ''}`,
    ]
  }
  const next = s.nextWindow
    ? `next window "${s.nextWindow.name}" ${s.nextWindow.start.toISOString()} → ${s.nextWindow.end.toISOString()}`
    : 'no freeze windows'
  return [s.env, p('green', 'open'), next]
}
