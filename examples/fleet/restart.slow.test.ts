/**
 * @module End-to-end tests of zero-downtime restarts in the demo fleet: real clients (keep-alive and one
 * connection per request) send steady traffic to every service while deploys and rollbacks restart them, and
 * not one request may fail; a release that cannot start leaves the old one serving; a drained process finishes
 * the request it holds.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, get as httpGet } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { createFleet } from './fleet.ts'
import type { Fleet } from './fleet.ts'
import type { FleetService } from './layout.ts'
import { alive, waitFor } from './testing.ts'

interface Answer {
  status: number
  text: string
  connection: string | undefined
  reused: boolean
}

/** GET through node:http: `agent: false` opens a connection per request (and sends `Connection: close`). */
function request(url: string, agent: Agent | false): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
          connection: res.headers.connection,
          reused: req.reusedSocket,
        }),
      )
    })
    req.on('error', reject)
  })
}

async function viaFetch(url: string): Promise<Answer> {
  const res = await fetch(url)
  const text = await res.text()
  return { status: res.status, text, connection: res.headers.get('connection') ?? undefined, reused: false }
}

/** The version an answer names: JSON `version`, the website's data-version, or latest.yml's `version:`. */
const versionOf = (text: string) =>
  /"version":"([^"]+)"|data-version="([^"]+)"|^version: (\S+)$/m.exec(text)?.slice(1).find(Boolean)

/** Where each service takes traffic. */
const PATHS: Record<FleetService, string> = {
  website: '/',
  api: '/api/items',
  worker: '/healthz',
  'electron-feed': '/latest.yml',
}

/** One client sending requests back to back to one service until stopped; a failure is an error or a 5xx. */
function loop(name: string, url: string, get: (url: string) => Promise<Answer>) {
  const result = { name, sent: 0, reused: 0, failures: [] as string[], versions: new Set<string>() }
  let running = true
  const done = (async () => {
    while (running) {
      result.sent++
      try {
        const answer = await get(url)
        if (answer.reused) result.reused++
        if (answer.status >= 500)
          result.failures.push(`${name}: ${answer.status} ${answer.text.slice(0, 80)}`)
        const version = versionOf(answer.text)
        if (version) result.versions.add(version)
      } catch (e) {
        const err = e as Error & { cause?: Error }
        result.failures.push(`${name}: ${err.cause?.message ?? err.message}`)
      }
    }
  })()
  return {
    result,
    stop: async () => {
      running = false
      await done
      return result
    },
  }
}

/**
 * Steady traffic to each service from three kinds of client: fetch and an http.Agent (keep-alive), and node:http
 * with a new connection per request.
 */
function traffic(fleet: Fleet, services: readonly FleetService[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 2 })
  const loops = services.flatMap((service) => {
    const url = `${fleet.urls.staging[service]}${PATHS[service]}`
    return [
      loop(`${service} fetch`, url, viaFetch),
      loop(`${service} http.Agent keep-alive`, url, (u) => request(u, agent)),
      loop(`${service} new connection each`, url, (u) => request(u, false)),
    ]
  })
  return {
    loops: loops.map((l) => l.result),
    /** Resolves once every client has had an answer (or a failure) since this call. */
    async flowing() {
      const marks = loops.map((l) => l.result.sent)
      await waitFor('traffic from every client', () =>
        loops.every((l, i) => l.result.sent > marks[i]! + 1) ? true : undefined,
      )
    },
    async stop() {
      const results = await Promise.all(loops.map((l) => l.stop()))
      agent.destroy()
      return results
    },
  }
}

describe('demo fleet restarts', () => {
  let dir: string
  let fleet: Fleet
  const pidOf = async (service: FleetService) =>
    (await fleet.status()).find((s) => s.env === 'staging' && s.service === service)!.pid!

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-restart-'))
    fleet = await createFleet({ dir })
    fleet.build('1.0.0')
    fleet.build('1.1.0')
    await fleet.install('staging', '1.0.0')
    await fleet.start()
  })
  after(async () => {
    await fleet.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('fails no request, keep-alive or not, while every service is deployed and rolled back', async () => {
    const services = ['website', 'api', 'electron-feed', 'worker'] as const
    const load = traffic(fleet, services)
    const workerLog = () => readFileSync(fleet.paths.log('staging', 'worker'), 'utf8')
    const jobsFailedBefore = workerLog().split('msg="job failed"').length
    try {
      for (const release of ['1.1.0', '1.0.0', '1.1.0', '1.0.0']) {
        for (const service of services) {
          await load.flowing()
          const old = await pidOf(service)
          await fleet.install('staging', release, [service])
          const restarted = await fleet.restart('staging', service)
          assert.ok(restarted.ok, JSON.stringify(restarted))
          assert.deepEqual([restarted.version, restarted.pid !== old], [release, true])
          assert.equal(alive(old), false, `${service}: the old process has drained and left`)
        }
      }
      await load.flowing()
    } finally {
      const results = await load.stop()
      assert.deepEqual(
        results.flatMap((r) => r.failures),
        [],
      )
      for (const r of results) {
        assert.ok(r.sent > 0, r.name)
        assert.deepEqual([r.name, [...r.versions].sort()], [r.name, ['1.0.0', '1.1.0']])
      }
      for (const r of results.filter((x) => x.name.endsWith('http.Agent keep-alive')))
        assert.ok(r.reused > 0, `${r.name} reused a connection`)
    }
    assert.equal(workerLog().split('msg="job failed"').length, jobsFailedBefore, 'no worker job failed')
  })

  it('keeps the old release serving when the new one cannot start', async () => {
    fleet.build('1.3.0', { services: ['api'] })
    const main = join(fleet.paths.build('api', '1.3.0'), 'api', 'main.mjs')
    writeFileSync(main, "throw new Error('api 1.3.0: missing setting DATABASE_URL')\n")
    const old = await pidOf('api')
    const load = traffic(fleet, ['api'])
    try {
      await load.flowing()
      await fleet.install('staging', '1.3.0', ['api'])
      const restarted = await fleet.restart('staging', 'api')
      assert.equal(restarted.ok, false)
      assert.match(
        !restarted.ok ? restarted.reason : '',
        /staging\/api exited before it was ready \(code 1\): Error: api 1\.3\.0: missing setting DATABASE_URL/,
      )
      await load.flowing()
    } finally {
      const results = await load.stop()
      assert.deepEqual(
        results.flatMap((r) => r.failures),
        [],
      )
      for (const r of results) assert.deepEqual([r.name, [...r.versions]], [r.name, ['1.0.0']])
    }
    const api = (await fleet.status()).find((s) => s.env === 'staging' && s.service === 'api')!
    assert.deepEqual([api.state, api.pid, api.version], ['running', old, '1.0.0'])
    await fleet.install('staging', '1.0.0', ['api'])
  })

  it('finishes the request an old process holds when a restart drains it', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const url = `${fleet.urls.staging.api}/api/items`
    try {
      // A kept-alive connection to the old process, then a slow request on it while the restart runs.
      assert.equal((await request(url, agent)).status, 200)
      await fleet.fault('staging', 'api', { latencyMs: 1500 })
      const slow = request(url, agent)
      await fleet.install('staging', '1.1.0', ['api'])
      const restarted = await fleet.restart('staging', 'api')
      assert.equal(restarted.ok && restarted.version, '1.1.0')
      const answer = await slow
      assert.deepEqual(
        [answer.status, answer.reused, versionOf(answer.text), answer.connection],
        [200, true, '1.0.0', 'close'],
      )
      const next = await request(url, agent)
      assert.deepEqual([next.status, next.reused, versionOf(next.text)], [200, false, '1.1.0'])
    } finally {
      agent.destroy()
    }
  })
})
