/**
 * @module Heartbeats end to end: a beat recorded in the store is seen by `rina health-check` in its own process;
 * a worker posting over real HTTP to a running `rina serve` makes a `key:` probe healthy in the server's health
 * agent, in `rina health-check` and in the health gate of `rina deploy`, and stale once the beats stop.
 */
import { createSqliteStore } from '@rinawarp/engine'
import { waitFor } from '@rinawarp/engine/testing'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, it } from 'node:test'
import type { Workspace } from './testing/workspace.ts'
import { workspace } from './testing/workspace.ts'

const BIN = fileURLToPath(new URL('../bin/rina.js', import.meta.url))

const CONFIG = `project: shop
agents:
  health: { failAfter: 1, recoverAfter: 1 }
environments:
  staging:
    health: { passes: 1, within: 60s, soak: 200ms }
    services:
      mailer:
        kind: worker
        deploy: { type: command, deploy: "true" }
        probes: [{ name: beat, type: heartbeat, key: mailer-staging, staleAfter: 3s, interval: 1s }]
  production:
    services:
      reports:
        kind: worker
        deploy: { type: command, deploy: "true" }
        probes: [{ name: beat, type: heartbeat, key: reports, staleAfter: 1h }]
`

interface HealthJson {
  healthy: boolean
  environments: { env: string; results: { service: string; ok: boolean; detail: string }[] }[]
}

interface HealthChanged {
  payload: { env: string; service: string; healthy: boolean; detail: string }
}

let ws: Workspace | null = null
let server: ChildProcess | null = null
afterEach(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM')
    await once(server, 'exit')
  }
  server = null
  ws?.dispose()
  ws = null
})

async function healthCheck(w: Workspace, env: string): Promise<{ code: number; health: HealthJson }> {
  const r = await w.rina(['health-check', env, '--json'])
  return { code: r.code, health: JSON.parse(r.stdout) as HealthJson }
}

const details = (h: HealthJson) => h.environments.flatMap((e) => e.results.map((r) => r.detail))

/** Starts `rina serve --port 0` in the workspace and resolves with its URL. */
async function serve(w: Workspace): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    cwd: w.dir,
    env: { ...process.env, NO_COLOR: '1', RINA_USER: 'ops@example.com' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server = child
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)
      if (m) resolve(m[1]!)
    })
    child.on('exit', () => reject(new Error(`rina serve exited: ${stderr}`)))
  })
}

describe('heartbeats (end to end)', () => {
  it('sees a beat recorded in the store when rina health-check runs in its own process', async () => {
    const w = (ws = workspace({ 'rina.yml': CONFIG }))
    const before = await healthCheck(w, 'production')
    assert.equal(before.code, 1)
    assert.deepEqual(details(before.health), ['no heartbeat received for key "reports"'])

    const store = createSqliteStore({ path: join(w.dir, '.rina', 'state.db'), ids: () => 'unused' })
    try {
      await store.heartbeats.beat('reports', new Date(), { from: 'reports-worker' })
    } finally {
      await store.close()
    }
    const after = await healthCheck(w, 'production')
    assert.equal(after.code, 0, JSON.stringify(after.health))
    assert.match(details(after.health)[0]!, /^last beat (just now|\d+s ago)$/)
  })

  it('turns a key probe healthy while a worker posts beats to rina serve and stale once it stops', async () => {
    const w = (ws = workspace({ 'rina.yml': CONFIG }))
    const made = await w.rina(['token', 'create', '--user', 'mailer-worker', '--role', 'viewer', '--json'])
    assert.equal(made.code, 0, made.stderr)
    const { secret } = JSON.parse(made.stdout) as { secret: string }
    const url = await serve(w)
    const auth = { authorization: `Bearer ${secret}` }
    const beat = (key: string, headers: Record<string, string> = auth) =>
      fetch(`${url}/api/v1/heartbeats/${key}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ release: '1.0.0', detail: 'queue empty' }),
      })
    const changes = async (): Promise<boolean[]> => {
      const res = await fetch(`${url}/api/v1/audit/events?types=health.changed`, { headers: auth })
      const events = ((await res.json()) as { events: HealthChanged[] }).events
      return events.filter((e) => e.payload.service === 'mailer').map((e) => e.payload.healthy)
    }

    assert.equal((await beat('mailer-staging', {})).status, 401)
    const unknown = await beat('mailer-prod')
    assert.equal(unknown.status, 404)
    assert.match(((await unknown.json()) as { error: { message: string } }).error.message, /"mailer-prod"/)

    // Before any beat the server's health agent finds the worker down.
    await waitFor(async () => (await changes()).length === 1, 100)

    const stop = new AbortController()
    const worker = (async () => {
      while (!stop.signal.aborted) {
        assert.equal((await beat('mailer-staging')).status, 200)
        await sleep(200, undefined, { signal: stop.signal }).catch(() => {})
      }
    })()
    try {
      await waitFor(async () => (await changes()).length === 2, 100)
      const fresh = await healthCheck(w, 'staging')
      assert.equal(fresh.code, 0, JSON.stringify(fresh.health))
      const deployed = await w.rina(['deploy', 'staging', '--release', '1.0.0'])
      assert.equal(deployed.code, 0, deployed.stdout + deployed.stderr)
      const list = (await (await fetch(`${url}/api/v1/heartbeats`, { headers: auth })).json()) as {
        heartbeats: { key: string; count: number; from: string; probes: { stale: boolean }[] }[]
      }
      const mailer = list.heartbeats.find((h) => h.key === 'mailer-staging')
      assert.equal(mailer?.from, 'mailer-worker')
      assert.ok((mailer?.count ?? 0) > 0)
      assert.deepEqual(
        mailer?.probes.map((p) => p.stale),
        [false],
      )
    } finally {
      stop.abort()
      await worker
    }

    await waitFor(async () => (await changes()).length === 3, 100)
    assert.deepEqual(await changes(), [false, true, false])
    const stale = await healthCheck(w, 'staging')
    assert.equal(stale.code, 1)
    assert.match(details(stale.health)[0]!, /^last beat \d+s ago, stale after 3s$/)
  })
})
