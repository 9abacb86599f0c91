/**
 * @module Detection latency: from a fault injected into a real local service (probe-based: it answers 500; log-
 * based: its log file fills with errors) to `incident.opened` on the bus and to the incident's notice at a real
 * local webhook receiver, over many injections. Each round injects, waits for both, clears the fault, resolves
 * the incident and waits for recovery, then waits a random part of a second so faults land at any probe phase.
 */
import { appendFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { resolveIncident } from '../../packages/engine/src/commands/incident-resolve.ts'
import type { JournalEvent } from '../../packages/engine/src/domain/events.ts'
import { startHarness } from './harness.ts'

export interface Latencies {
  opened: number[]
  notified: number[]
}

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** A webhook receiver that notes when each notice arrives. */
async function receiver() {
  const arrivals: number[] = []
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      arrivals.push(performance.now())
      res.writeHead(200).end('ok')
    })
  })
  return { url: await listen(server), arrivals, close: () => new Promise((r) => server.close(r)) }
}

const common = (hook: string) => ({
  notifications: {
    channels: { hook: { type: 'webhook', url: `${hook}/hook`, secret: 'whsec_bench_0123456789abcdef' } },
    routes: [{ events: ['incident.opened'], channels: ['hook'] }],
  },
  agents: {
    health: { failAfter: 1, recoverAfter: 1 },
    communication: { groupWait: '0s', groupInterval: '0s' },
  },
})

const until = async (check: () => boolean) => {
  while (!check()) await sleep(5)
}

async function rounds(
  dir: string,
  config: Record<string, unknown>,
  n: number,
  fault: { inject(): void; clear(): void; recovered(events: JournalEvent[]): boolean; tick?(): void },
  hook: { arrivals: number[] },
): Promise<Latencies> {
  const h = startHarness(dir, config)
  const events: JournalEvent[] = []
  const off = h.bus.subscribe(null, (e) => void events.push(e))
  const out: Latencies = { opened: [], notified: [] }
  h.start()
  const ticker = fault.tick ? setInterval(fault.tick, 50) : null
  try {
    await sleep(3_000)
    for (let i = 0; i < n; i++) {
      await sleep(Math.random() * 1_000)
      const from = events.length
      const notices = hook.arrivals.length
      const t0 = performance.now()
      fault.inject()
      let openedAt = 0
      const opened = await new Promise<JournalEvent>((resolve) => {
        const stop = h.bus.subscribe({ types: ['incident.opened'] }, (e) => {
          openedAt = performance.now()
          stop()
          resolve(e)
        })
      })
      out.opened.push(openedAt - t0)
      await until(() => hook.arrivals.length > notices)
      out.notified.push(hook.arrivals[notices]! - t0)
      fault.clear()
      await resolveIncident(h.ctx, (opened.payload as { incidentId: string }).incidentId, {
        reason: 'benchmark round over',
      })
      await until(() => fault.recovered(events.slice(from)))
    }
  } finally {
    if (ticker) clearInterval(ticker)
    off()
    await h.stop()
  }
  return out
}

export async function probeDetection(dir: string, n: number): Promise<Latencies> {
  let faulty = false
  const target = createServer((_q, r) => void r.writeHead(faulty ? 500 : 200).end(faulty ? 'down' : 'ok'))
  const url = await listen(target)
  const hook = await receiver()
  const probe = { name: 'health', type: 'http', url: `${url}/health`, interval: '1s', timeout: '2s' }
  const svc = { kind: 'api', deploy: { type: 'command', deploy: 'true' }, probes: [probe] }
  try {
    return await rounds(
      dir,
      { environments: { production: { services: { api: svc } } }, ...common(hook.url) },
      n,
      {
        inject: () => void (faulty = true),
        clear: () => void (faulty = false),
        recovered: (events) =>
          events.some((e) => e.type === 'health.changed' && (e.payload as { healthy: boolean }).healthy),
      },
      hook,
    )
  } finally {
    target.closeAllConnections()
    await new Promise((r) => target.close(r))
    await hook.close()
  }
}

/** Pino-style JSON lines, as the demo API writes them: 20 lines a second; during a fault, half are errors. */
export async function logDetection(dir: string, n: number): Promise<Latencies> {
  const file = join(dir, 'api.log')
  writeFileSync(file, '')
  const hook = await receiver()
  let faulty = false
  let seq = 0
  let written = 0
  const line = (error: boolean) =>
    JSON.stringify({
      level: error ? 50 : 30,
      time: Date.now(),
      msg: error ? `GET /api/items/${seq++ % 50} 503 upstream storage unavailable` : `GET /api/items 200`,
    })
  const svc = {
    kind: 'api',
    deploy: { type: 'command', deploy: 'true' },
    logs: [{ type: 'file', path: file, from: 'end' }],
  }
  try {
    return await rounds(
      dir,
      { environments: { production: { services: { api: svc } } }, ...common(hook.url) },
      n,
      {
        tick: () => appendFileSync(file, `${line(faulty && ++written % 2 === 0)}\n`),
        inject: () => void (faulty = true),
        clear: () => {
          faulty = false
          // Enough clean lines for the error share in the window to fall back (the burst test re-arms).
          appendFileSync(file, `${Array.from({ length: 30 }, () => line(false)).join('\n')}\n`)
        },
        recovered: () => true,
      },
      hook,
    )
  } finally {
    await hook.close()
  }
}
