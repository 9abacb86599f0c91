/** @module rina status, rina health-check [ENV] */
import type { EnvStatus, ProbeResult } from '@rinawarp/engine'
import {
  formatActor,
  healthCheck as checkHealth,
  promotionOrder,
  resolveEnvs,
  status as envStatus,
} from '@rinawarp/engine'
import { withContext } from '../context.ts'
import { EXIT } from '../exit-codes.ts'
import type { Run } from '../io.ts'
import { table } from '../output.ts'

export async function status(run: Run, opts: { runs: string }): Promise<void> {
  await withContext(run, async (ctx) => {
    const list = await envStatus(ctx, { runs: Math.max(1, Number(opts.runs) || 3) })
    run.out.result({ environments: list })
    for (const e of list) printEnv(run, e)
  })
}

function printEnv(run: Run, e: EnvStatus): void {
  const p = run.out.paint
  const frozen = e.freeze.manual
    ? p('cyan', `FROZEN by ${formatActor(e.freeze.manual.by)}: ${e.freeze.manual.reason}`)
    : e.freeze.activeWindows.length
      ? p('cyan', `FROZEN (window ${e.freeze.activeWindows[0]!.name})`)
      : p('green', 'open')
  run.out.line(
    `${p('bold', e.env)}  ${e.current ?? 'nothing deployed'}${e.previous ? `  (previous ${e.previous})` : ''}  ${frozen}`,
  )
  if (e.lock) run.out.line(`  deploying now: ${e.lock.holder} since ${e.lock.since}`)
  if (e.health) {
    const bad = e.health.probes.filter((x) => !x.lastOk)
    const verdict = e.health.healthy
      ? p('green', 'healthy')
      : p('red', `unhealthy: ${bad.map((b) => `${b.service}/${b.probe}`).join(', ')}`)
    run.out.line(`  health: ${verdict} (${e.health.source}, ${e.health.at})`)
  }
  for (const r of e.runs) {
    const mark =
      r.status === 'succeeded' ? p('green', '✓') : r.status === 'running' ? p('yellow', '…') : p('red', '✗')
    run.out.line(
      `  ${mark} ${r.kind} ${r.release} by ${formatActor(r.actor)} at ${r.startedAt} — ${r.status}${r.reason && r.status !== 'succeeded' ? `: ${r.reason}` : ''}`,
    )
  }
  run.out.line()
}

export async function healthCheck(run: Run, env: string | undefined): Promise<number> {
  return withContext(run, async (ctx) => {
    const envs = env ? resolveEnvs(ctx.config, { env }) : promotionOrder(ctx.config)
    const results = await run.out.progress('probing', () => checkHealth(ctx, envs))
    run.out.result({ environments: results, healthy: results.every((r) => r.healthy) })
    const rows = results.flatMap((r) => r.results.map((x) => row(run, r.env, x)))
    run.out.line(table([['ENV', 'SERVICE', 'PROBE', 'STATUS', 'LATENCY', 'DETAIL'], ...rows]))
    const bad = results.filter((r) => !r.healthy)
    run.out.line(
      bad.length
        ? run.out.paint('red', `unhealthy: ${bad.map((b) => b.env).join(', ')}`)
        : run.out.paint('green', 'all healthy'),
    )
    return bad.length ? EXIT.failure : EXIT.ok
  })
}

const row = (run: Run, env: string, r: ProbeResult) => [
  env,
  r.service,
  r.probe,
  r.ok ? run.out.paint('green', 'ok') : run.out.paint('red', 'FAIL'),
  `${Math.round(r.latencyMs)} ms`,
  r.detail,
]
