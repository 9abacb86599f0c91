/**
 * @module Failed requests a client sees while the demo API is deployed and rolled back: steady traffic to the
 * staging API during `rina deploy` and `rina rollback` (real binary, real fleet), beside the same traffic with no
 * deploy in the same run. Reported as measured: the fleet restarts each service without downtime (the new process
 * starts on the supervisor's socket, the old one drains), so the figure to watch is any failure at all.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFleet } from '../../examples/fleet/fleet.ts'
import type { BenchResult } from '../report.ts'

const BIN = fileURLToPath(new URL('../../packages/cli/bin/rina.js', import.meta.url))

function rina(dir: string, args: string[], user = 'bench@example.com'): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, RINA_USER: user },
      stdio: 'ignore',
    })
    c.on('close', (code) => resolve(code ?? 1))
  })
}

/** Sends one request every `everyMs` until stopped; counts failures (network errors and 5xx). */
function traffic(url: string, everyMs: number) {
  let sent = 0
  let failed = 0
  let running = true
  const inflight = new Set<Promise<void>>()
  const loop = (async () => {
    while (running) {
      sent++
      const p = fetch(url, { signal: AbortSignal.timeout(2_000) })
        .then((r) => {
          if (r.status >= 500) failed++
          return r.arrayBuffer()
        })
        .then(
          () => {},
          () => void failed++,
        )
      inflight.add(p)
      void p.finally(() => inflight.delete(p))
      await new Promise((r) => setTimeout(r, everyMs))
    }
  })()
  return {
    async stop() {
      running = false
      await loop
      await Promise.all(inflight)
      return { sent, failed }
    },
  }
}

export async function benchTraffic(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rina-bench-traffic-'))
  const fleet = await createFleet({ dir })
  try {
    fleet.build('1.0.0')
    fleet.build('1.1.0')
    await fleet.start()
    if ((await rina(dir, ['deploy', 'staging', '--release', '1.0.0'])) !== 0)
      throw new Error('baseline deploy failed')
    const url = `${fleet.urls.staging.api}/api/items`
    const quiet = traffic(url, 5)
    await new Promise((r) => setTimeout(r, 5_000))
    const base = await quiet.stop()
    const busy = traffic(url, 5)
    const d = await rina(dir, ['deploy', 'staging', '--release', '1.1.0'])
    const r = await rina(dir, ['rollback', 'staging', '--reason', 'benchmark'])
    const during = await busy.stop()
    if (d !== 0 || r !== 0) throw new Error(`deploy exited ${d}, rollback exited ${r}`)
    return {
      title: 'Requests during deploy and rollback',
      rows: [
        {
          name: `failed requests during a deploy + rollback of the demo API (${during.sent} sent)`,
          value: during.failed,
          unit: 'failed',
          lowerIsBetter: true,
          baseline: { name: `same traffic, no deploy (${base.sent} sent)`, value: Math.max(base.failed, 0) },
        },
        {
          name: 'share of requests failed during deploy + rollback',
          value: (100 * during.failed) / Math.max(1, during.sent),
          unit: '%',
          lowerIsBetter: true,
        },
      ],
      notes: [
        "One request every 5 ms (fetch, keep-alive) to the staging API. The fleet supervisor owns each service's listening socket: to switch releases it starts the new process on that socket, waits until it is ready, then lets the old one drain (it stops accepting, finishes its requests, answers the last one on each kept-alive connection with `Connection: close`, exits).",
      ],
    }
  } finally {
    await fleet.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
