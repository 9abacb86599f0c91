/**
 * @module Incident detection benchmark: latency from a fault to the incident opened and to its notice at a
 * webhook receiver (probe-based at a 1 s interval, log-based), p50/p99 over many injections; and probe scheduling
 * at scale (10,000 HTTP probes at 10 s) beside a bare setInterval loop in the same run.
 *   npm run bench -- incident            (INCIDENT_ROUNDS, INCIDENT_SCALE_SECONDS to shorten)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchResult, BenchRow } from '../report.ts'
import { logDetection, probeDetection, type Latencies } from './detection.ts'
import { probeScale, quantile } from './scale.ts'

export interface IncidentBenchOptions {
  rounds?: number
  probes?: number
  scaleSeconds?: number
}

const ms = (name: string, value: number, target?: number, baseline?: BenchRow['baseline']): BenchRow => ({
  name,
  value,
  unit: 'ms',
  lowerIsBetter: true,
  ...(target !== undefined ? { target } : {}),
  ...(baseline ? { baseline } : {}),
})

const rows = (what: string, l: Latencies): BenchRow[] => [
  ms(`${what}: fault → incident.opened p50`, quantile(l.opened, 0.5)),
  ms(`${what}: fault → incident.opened p99`, quantile(l.opened, 0.99), 2_000),
  ms(`${what}: fault → webhook received p50`, quantile(l.notified, 0.5)),
  ms(`${what}: fault → webhook received p99`, quantile(l.notified, 0.99), 2_000),
]

const inDir = async <T>(run: (dir: string) => Promise<T>): Promise<T> => {
  const dir = mkdtempSync(join(tmpdir(), 'rina-bench-incident-'))
  try {
    return await run(dir)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchIncident(opts: IncidentBenchOptions = {}): Promise<BenchResult> {
  const rounds = opts.rounds ?? Number(process.env.INCIDENT_ROUNDS ?? 50)
  const probes = opts.probes ?? 10_000
  const seconds = opts.scaleSeconds ?? Number(process.env.INCIDENT_SCALE_SECONDS ?? 30)
  const probe = await inDir((dir) => probeDetection(dir, rounds))
  const logs = await inDir((dir) => logDetection(dir, rounds))
  const scale = await inDir((dir) => probeScale(dir, { probes, intervalMs: 10_000, seconds }))
  return {
    title: 'Incident detection',
    rows: [
      ...rows('probe (http, 1 s interval)', probe),
      ...rows('logs (file, error burst)', logs),
      ms(
        `${probes.toLocaleString('en-US')} probes at 10 s: scheduling lag p50`,
        scale.agent.lagP50,
        undefined,
        {
          name: 'bare setInterval',
          value: scale.bare.lagP50,
        },
      ),
      ms(`${probes.toLocaleString('en-US')} probes at 10 s: scheduling lag p99`, scale.agent.lagP99, 100, {
        name: 'bare setInterval',
        value: scale.bare.lagP99,
      }),
      {
        name: `${probes.toLocaleString('en-US')} probes at 10 s: CPU (one core = 100 %)`,
        value: scale.agent.cpuPct,
        unit: '%',
        lowerIsBetter: true,
        baseline: { name: 'bare setInterval', value: scale.bare.cpuPct },
      },
      {
        name: 'checks in the scale window',
        value: scale.agent.checks,
        unit: '',
        baseline: { name: 'bare setInterval', value: scale.bare.checks },
      },
    ],
    notes: [
      `${rounds} injections per kind, each after a random 0–1 s pause. Probe-based: the target answers 500; the health agent runs with failAfter 1 (one failed check opens; the default is 3, which adds two intervals). Log-based: a pino-style log file at 20 lines/s turns half errors; the logs agent's burst test fires. The communication agent sends with groupWait 0s (default 10s, to gather related events).`,
      `Scale: ${probes.toLocaleString('en-US')} HTTP probes at a 10 s interval, concurrency 64, SQLite history (batched writes), ${seconds} s after one interval of warm-up; the target server runs in a child process. Lag is start − due per check.`,
    ],
  }
}
