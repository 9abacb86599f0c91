/**
 * @module The tool's own overhead per service deploy: wall time of a real deploy (SQLite journal, durable appends,
 * lock, plan, provider step, health gate) minus the time spent inside provider commands and probes, per service.
 * Beside it, in the same run: spawning the same commands directly (what any tool pays at minimum).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { systemClock } from '../../packages/engine/src/clock.ts'
import { deploy } from '../../packages/engine/src/commands/deploy.ts'
import { configSchema } from '../../packages/engine/src/config/schema.ts'
import { Journal } from '../../packages/engine/src/journal/journal.ts'
import { createSqliteStore } from '../../packages/engine/src/store/sqlite/index.ts'
import { humanActor } from '../../packages/engine/src/domain/actor.ts'
import { countingIds } from '../../packages/engine/src/testing/fakes.ts'
import type { BenchResult } from '../report.ts'

const SERVICES = 10
const ROUNDS = 5

function config() {
  const services = Object.fromEntries(
    Array.from({ length: SERVICES }, (_, i) => [
      `svc-${i}`,
      { deploy: { type: 'command', deploy: 'true' }, probes: [{ name: 'up', type: 'command', run: 'true' }] },
    ]),
  )
  const env = { health: { passes: 1, within: '10s', soak: '0s' }, services }
  return configSchema.parse({ project: 'bench', environments: { staging: env, production: env } })
}

function spawnTrue(): Promise<number> {
  const t0 = performance.now()
  return new Promise((resolve) =>
    spawn('sh', ['-c', 'true']).on('close', () => resolve(performance.now() - t0)),
  )
}

export async function benchDeployOverhead(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rina-bench-deploy-'))
  try {
    const ids = countingIds('id')
    const store = createSqliteStore({ path: join(dir, 'state.db'), ids: ids.ids })
    const ctx = {
      config: config(),
      configPath: join(dir, 'rina.yml'),
      configDir: dir,
      store,
      journal: new Journal(store.journal, systemClock),
      clock: systemClock,
      ids,
      actor: humanActor('bench'),
      secrets: [],
    }
    const overheads: number[] = []
    for (let r = 0; r < ROUNDS; r++) {
      const from = (await store.journal.head()).seq + 1
      const t0 = performance.now()
      const out = await deploy(ctx, {
        env: 'staging',
        release: `1.0.${r}`,
        confirm: { interactive: false, ci: false },
      })
      const wall = performance.now() - t0
      if (out.status !== 'succeeded') throw new Error(`bench deploy failed: ${JSON.stringify(out)}`)
      const events = await ctx.journal.query({ fromSeq: from })
      const inCommands = events
        .filter((e) => e.type === 'deploy.step_completed')
        .reduce((n, e) => n + (e.payload as { durationMs: number }).durationMs, 0)
      const inProbes = events
        .filter((e) => e.type === 'health.gate_completed')
        .reduce((n, e) => n + (e.payload as { durationMs: number }).durationMs, 0)
      overheads.push((wall - inCommands - inProbes) / SERVICES)
    }
    const direct: number[] = []
    for (let i = 0; i < SERVICES * ROUNDS; i++) direct.push(await spawnTrue())
    await store.close()
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    return {
      title: 'Deploy overhead',
      rows: [
        {
          name: `tool overhead per service (${SERVICES} services, ${ROUNDS} deploys, median)`,
          value: median(overheads),
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: 'spawning `sh -c true` once, directly', value: median(direct) },
          target: 150,
        },
      ],
      notes: [
        'Overhead = wall time of `deploy` minus time inside provider commands and probe runs (as journaled), divided by the number of services. It includes the durable journal appends (synchronous=FULL), the lock, planning and the health-gate bookkeeping.',
      ],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
