/**
 * @module Probe scheduling at scale: N HTTP probes at one interval against one local server (in a child process,
 * so this process's CPU is the scheduler's and the probes'), through the health agent's scheduler and its
 * history writes for a while; scheduling lag (start − due) p50/p99 and CPU use. Beside it, in the same run, a bare
 * loop: one setInterval per probe firing the same fetch, phases spread the same way.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import { startHarness } from './harness.ts'

export interface ScaleFigures {
  checks: number
  lagP50: number
  lagP99: number
  /** Share of one core over the run, in percent. */
  cpuPct: number
}

const SERVER = `
const http = require('node:http')
const s = http.createServer((q, r) => r.writeHead(200).end('ok'))
s.keepAliveTimeout = 60000
s.listen(0, '127.0.0.1', () => console.log(s.address().port))
`

async function startTarget() {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] })
  const [data] = (await once(child.stdout, 'data')) as [Buffer]
  return { url: `http://127.0.0.1:${Number(data.toString())}`, stop: () => child.kill() }
}

export const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

/** Measures over `seconds` after one interval of warm-up (first runs are spread over it). */
async function measure(
  seconds: number,
  warmupMs: number,
  run: (lag: (ms: number) => void) => Promise<() => Promise<void>>,
) {
  const lags: number[] = []
  let counting = false
  const stop = await run((ms) => void (counting && lags.push(ms)))
  await sleep(warmupMs)
  counting = true
  const cpu = process.cpuUsage()
  const t0 = performance.now()
  await sleep(seconds * 1_000)
  const used = process.cpuUsage(cpu)
  const wall = performance.now() - t0
  counting = false
  await stop()
  return {
    checks: lags.length,
    lagP50: quantile(lags, 0.5),
    lagP99: quantile(lags, 0.99),
    cpuPct: ((used.user + used.system) / 1_000 / wall) * 100,
  }
}

export async function probeScale(
  dir: string,
  opts: { probes: number; intervalMs: number; seconds: number },
): Promise<{ agent: ScaleFigures; bare: ScaleFigures }> {
  const target = await startTarget()
  try {
    const perService = 100
    const services: Record<string, unknown> = {}
    for (let s = 0; s * perService < opts.probes; s++) {
      const probes = Array.from({ length: Math.min(perService, opts.probes - s * perService) }, (_, i) => ({
        name: `p${i}`,
        type: 'http',
        url: `${target.url}/s${s}/p${i}`,
        interval: `${opts.intervalMs / 1_000}s`,
        timeout: '5s',
      }))
      services[`svc${s}`] = { kind: 'api', deploy: { type: 'command', deploy: 'true' }, probes }
    }
    const config = {
      environments: { production: { services } },
      agents: { health: { concurrency: 64 } },
    }
    const agent = await measure(opts.seconds, opts.intervalMs, async (lag) => {
      const h = startHarness(dir, config, { health: { onStart: (_k, due, started) => lag(started - due) } })
      h.start()
      return () => h.stop()
    })
    const bare = await measure(opts.seconds, opts.intervalMs, async (lag) => {
      const timers: ReturnType<typeof setTimeout>[] = []
      for (let i = 0; i < opts.probes; i++) {
        const offset = Math.floor(Math.random() * opts.intervalMs)
        let due = Date.now() + offset
        const fire = () => {
          lag(Date.now() - due)
          due += opts.intervalMs
          void fetch(`${target.url}/bare/${i}`, { signal: AbortSignal.timeout(5_000) })
            .then((r) => r.text())
            .catch(() => {})
        }
        timers.push(
          setTimeout(() => {
            fire()
            timers.push(setInterval(fire, opts.intervalMs))
          }, offset),
        )
      }
      return async () => timers.forEach((t) => clearTimeout(t))
    })
    return { agent, bare }
  } finally {
    target.stop()
  }
}
