/**
 * @module API benchmark: `rina serve` (a real process, SQLite store, a journal of ordinary history) against a bare
 * node:http server answering bodies of the same size, in the same run: requests/s and p99 latency for status and
 * audit queries (autocannon), and SSE fan-out to 1,000 clients with the lag from append to receipt.
 *   npm run bench -- api
 */
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchResult } from '../report.ts'
import { seedWorkspace } from './seed.ts'
import { openFleet } from './sse-clients.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const STATUS = '/api/v1/status'
const AUDIT = '/api/v1/audit/events?limit=50'

export interface ApiBenchOptions {
  /** Seconds per autocannon run (default 10). */
  seconds?: number
  connections?: number
  clients?: number
  /** Events appended during the fan-out (default 40). */
  frames?: number
  /** History rounds of 8 events each in the journal (default 125 → 1,000 events). */
  rounds?: number
}

function startChild(
  args: string[],
  cwd: string,
  pattern: RegExp,
): Promise<{ child: ChildProcess; match: string }> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', RINA_USER: 'bench@example.com' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = pattern.exec(out)
      if (m) resolve({ child, match: m[1]! })
    })
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)))
  })
}

async function load(url: string, headers: Record<string, string>, seconds: number, connections: number) {
  const r = await autocannon({ url, headers, duration: seconds, connections })
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors`)
  return { rps: r.requests.average, p99: r.latency.p99 }
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!

async function fanOut(
  url: string,
  headers: Record<string, string>,
  clients: number,
  frames: number,
  emit: () => Promise<void>,
) {
  const fleet = await openFleet(url, headers, clients)
  for (let i = 0; i < frames; i++) {
    await emit()
    await new Promise((r) => setTimeout(r, 50))
  }
  const deadline = Date.now() + 20_000
  while (fleet.received.some((n) => n < frames) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50))
  fleet.close()
  const sorted = [...fleet.lags].sort((a, b) => a - b)
  return {
    p50: quantile(sorted, 0.5),
    p99: quantile(sorted, 0.99),
    got: fleet.lags.length,
    want: clients * frames,
  }
}

export async function benchApi(opts: ApiBenchOptions = {}): Promise<BenchResult> {
  const seconds = opts.seconds ?? 10
  const connections = opts.connections ?? 10
  const clients = opts.clients ?? 1_000
  const frames = opts.frames ?? 40
  const seed = await seedWorkspace({ rounds: opts.rounds ?? 125 })
  const children: ChildProcess[] = []
  try {
    const api = await startChild(
      [join(ROOT, 'packages/cli/bin/rina.js'), 'serve', '--port', '0'],
      seed.dir,
      /(http:\/\/127\.0\.0\.1:\d+)/,
    )
    children.push(api.child)
    const base = api.match
    const auth = { authorization: `Bearer ${seed.token}` }
    const bodies: Record<string, string> = {}
    for (const [key, path] of [
      ['/status', STATUS],
      ['/audit', AUDIT],
    ] as const) {
      const res = await fetch(`${base}${path}`, { headers: auth })
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`)
      bodies[key] = await res.text()
    }
    const bodyFile = join(seed.dir, 'bodies.json')
    writeFileSync(bodyFile, JSON.stringify(bodies))
    const bare = await startChild(
      ['--import', 'tsx', join(ROOT, 'bench/api/baseline.ts'), bodyFile],
      ROOT,
      /port (\d+)/,
    )
    children.push(bare.child)
    const plain = `http://127.0.0.1:${bare.match}`

    const statusBase = await load(`${plain}/status`, {}, seconds, connections)
    const status = await load(`${base}${STATUS}`, auth, seconds, connections)
    const auditBase = await load(`${plain}/audit`, {}, seconds, connections)
    const audit = await load(`${base}${AUDIT}`, auth, seconds, connections)

    let n = 0
    const sse = await fanOut(`${base}/api/v1/events?types=freeze.*`, auth, clients, frames, async () => {
      const action = n++ % 2 ? 'disable' : 'enable'
      const res = await fetch(`${base}/api/v1/freeze/${action}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ env: 'staging', reason: `fan-out ${n}` }),
      })
      if (res.status !== 200) throw new Error(`freeze ${action}: HTTP ${res.status}`)
    })
    const sseBase = await fanOut(`${plain}/sse`, {}, clients, frames, async () => {
      await fetch(`${plain}/emit`, { method: 'POST' })
    })

    return {
      title: 'API',
      rows: [
        {
          name: 'status: requests/s',
          value: status.rps,
          unit: 'req/s',
          baseline: { name: 'bare node:http', value: statusBase.rps },
          target: 5_000,
        },
        {
          name: 'status: latency p99',
          value: status.p99,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: 'bare node:http', value: statusBase.p99 },
          target: 20,
        },
        {
          name: 'audit (newest 50): requests/s',
          value: audit.rps,
          unit: 'req/s',
          baseline: { name: 'bare node:http', value: auditBase.rps },
        },
        {
          name: 'audit (newest 50): latency p99',
          value: audit.p99,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: 'bare node:http', value: auditBase.p99 },
        },
        {
          name: `SSE lag p50, ${clients.toLocaleString('en-US')} clients`,
          value: sse.p50,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: 'bare node:http SSE', value: sseBase.p50 },
        },
        {
          name: `SSE lag p99, ${clients.toLocaleString('en-US')} clients`,
          value: sse.p99,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: 'bare node:http SSE', value: sseBase.p99 },
          target: 100,
        },
      ],
      notes: [
        `Journal: ${seed.events.toLocaleString('en-US')} events (deploy runs, health checks, freeze toggles) in SQLite. ` +
          `autocannon: ${connections} connections, ${seconds} s per run, bearer token on every API request; the baseline answers bodies of the same size (${bodies['/status']!.length.toLocaleString('en-US')} and ${bodies['/audit']!.length.toLocaleString('en-US')} bytes) with no auth, store or framework.`,
        `SSE: ${clients.toLocaleString('en-US')} clients on one socket each, ${frames} events appended through POST /api/v1/freeze/*; lag = receipt time − the event's journal time (ms resolution). ` +
          `Frames delivered: ${sse.got.toLocaleString('en-US')} of ${sse.want.toLocaleString('en-US')} (baseline ${sseBase.got.toLocaleString('en-US')} of ${sseBase.want.toLocaleString('en-US')}).`,
      ],
    }
  } finally {
    for (const c of children) c.kill('SIGTERM')
    await Promise.all(
      children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))),
    )
    rmSync(seed.dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { toMarkdown } = await import('../report.ts')
  const seconds = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || undefined
  console.log(toMarkdown(await benchApi({ ...(seconds ? { seconds } : {}) })))
}
