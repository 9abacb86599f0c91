/**
 * @module Incident response on the demo fleet, end to end: `rina serve` runs the agents on the fleet's rina.yml
 * with a webhook channel to a real local receiver; production runs 1.1.0 after 1.0.0. Each fault kind (errors,
 * latency, a crash loop, a stale update feed, an error burst in the logs after a deploy) must open an incident of
 * the expected type and severity with a plan and a rollback prepared to 1.0.0, reach the receiver, and recover.
 */
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import type { Fleet } from '../../../examples/fleet/fleet.ts'
import { createFleet } from '../../../examples/fleet/fleet.ts'
import type { HttpReceiver } from '../../engine/src/testing/http-receiver.ts'
import { startHttpReceiver } from '../../engine/src/testing/http-receiver.ts'
import { runRina } from './testing/workspace.ts'

const BIN = fileURLToPath(new URL('../bin/rina.js', import.meta.url))

/** The fleet's rina.yml with incident notices to the receiver and agents tuned for a short test. */
const withHook = (configText: string, url: string) =>
  `${configText.slice(0, configText.indexOf('\nnotifications:'))}
notifications:
  channels:
    hook: { type: webhook, url: "${url}/hook", secret: "whsec_fleet_0123456789abcdef" }
  default: [hook]
  routes:
    - events: ["incident.opened"]
      environments: [production]
      channels: [hook]
agents:
  health: { failAfter: 3, recoverAfter: 2 }
  communication: { groupWait: 0s, groupInterval: 0s }
`

interface Opened {
  seq: number
  payload: {
    incidentId: string
    type: string
    severity: string
    services: string[]
    signals: { kind: string; summary: string }[]
    plan: { steps: string[]; next: string | null }
    rollback: { ready: boolean; from: string | null; to: string | null }
  }
}

describe('incident response on the demo fleet (end to end)', () => {
  let dir: string
  let fleet: Fleet
  let receiver: HttpReceiver
  let server: ChildProcess | null = null
  let serverLog = ''
  let lastSeq = 0
  const rina = (args: string[], user = 'ana@example.com') => runRina(dir, args, { RINA_USER: user, CI: '' })
  const ok = async (args: string[], user?: string) => {
    const r = await rina(args, user)
    assert.equal(r.code, 0, `rina ${args.join(' ')}: ${r.stdout}${r.stderr}`)
    return r
  }

  /**
   * Waits for the next incident opened in production about `service` (and its notice). Others may open beside it
   * (the worker logs errors while the api is down): they are resolved with it.
   */
  const nextIncident = async (service: string): Promise<{ opened: Opened; notice: { title: string } }> => {
    for (;;) {
      const log = await ok(['audit', 'log', '--type', 'incident.opened', '--json'])
      const events = (JSON.parse(log.stdout) as { events: (Opened & { payload: { env: string } })[] }).events
      const fresh = events.filter(
        (e) => e.seq > lastSeq && e.payload.env === 'production' && e.payload.services.includes(service),
      )
      if (fresh.length) {
        const opened = fresh.sort((a, b) => a.seq - b.seq)[0]!
        lastSeq = Math.max(...fresh.map((e) => e.seq))
        const titled = async () => {
          for (;;) {
            const found = receiver.requests.find((r) => r.body.includes(opened.payload.incidentId))
            if (found) return JSON.parse(found.body) as { title: string }
            await sleep(100)
          }
        }
        return { opened, notice: await titled() }
      }
      await sleep(250)
    }
  }

  /** Resolves every open production incident, walks the recovery steps, and checks production is healthy. */
  const recover = async (reason: string) => {
    for (;;) {
      if ((await rina(['health-check', 'production'])).code === 0) break
      await sleep(500)
    }
    const list = JSON.parse((await ok(['incident', 'list', '--json'])).stdout) as {
      incidents: { id: string; env: string; status: string }[]
    }
    for (const i of list.incidents.filter((x) => x.env === 'production' && x.status !== 'resolved')) {
      await ok(['incident', 'resolve', i.id, '--reason', reason])
      const verify = await ok(['incident', 'recover', i.id, '--step', 'verify'])
      assert.doesNotMatch(verify.stdout, /still failing/)
      await ok(['incident', 'recover', i.id, '--step', 'update'])
      await ok(['incident', 'recover', i.id, '--step', 'resume'])
    }
    const st = JSON.parse((await ok(['status', '--json'])).stdout) as {
      environments: { env: string; current: string }[]
    }
    return st.environments.find((e) => e.env === 'production')?.current
  }

  /** Waits until the incident's type is `type` (later signals refine it), then checks its severity. */
  const becomes = async (id: string, type: string, severities: string[]) => {
    for (;;) {
      const list = JSON.parse((await ok(['incident', 'list', '--json'])).stdout) as {
        incidents: { id: string; type: string; severity: string }[]
      }
      const now = list.incidents.find((i) => i.id === id)!
      if (now.type === type) return assert.ok(severities.includes(now.severity), now.severity)
      await sleep(500)
    }
  }

  const expectIncident = (
    o: Opened,
    notice: { title: string },
    types: string[],
    severities: string[],
    rollbackTo = '1.0.0',
  ) => {
    const p = o.payload
    const why = p.signals.map((x) => `${x.kind}: ${x.summary}`).join('; ')
    assert.ok(types.includes(p.type), `type ${p.type} not in ${types.join(', ')} (${why})`)
    assert.ok(severities.includes(p.severity), `severity ${p.severity} not in ${severities.join(', ')}`)
    assert.ok(p.plan.steps.length >= 3, `plan: ${p.plan.steps.join(', ')}`)
    assert.ok(p.plan.next, 'a next step')
    assert.equal(p.rollback.ready, true, JSON.stringify(p.rollback))
    assert.equal(p.rollback.to, rollbackTo)
    assert.match(notice.title, new RegExp(`^${p.severity} incident opened in production`))
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rina-incident-fleet-'))
    receiver = await startHttpReceiver()
    fleet = await createFleet({ dir })
    writeFileSync(fleet.paths.config, withHook(fleet.configText, receiver.url))
    fleet.build('1.0.0')
    fleet.build('1.1.0')
    fleet.build('1.2.0')
    await fleet.start()
    for (const release of ['1.0.0', '1.1.0']) {
      await ok(['deploy', 'staging', '--release', release])
      await ok(['approve', release, '--env', 'production', '--reason', 'reviewed'], 'bo@example.com')
      await ok(['deploy', 'production', '--release', release])
    }
    server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1', RINA_USER: 'ops@example.com' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stdout!.on('data', (d: Buffer) => (serverLog += d.toString()))
    server.stderr!.on('data', (d: Buffer) => (serverLog += d.toString()))
    while (!/http:\/\/127\.0\.0\.1:\d+/.test(serverLog)) {
      assert.equal(server.exitCode, null, serverLog)
      await sleep(50)
    }
    const seqs = JSON.parse((await ok(['audit', 'log', '--limit', '1', '--json'])).stdout) as {
      events: { seq: number }[]
    }
    lastSeq = seqs.events.at(-1)?.seq ?? 0
  })

  after(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM')
      await once(server, 'exit')
    }
    await fleet?.stop()
    await receiver?.close()
    if (process.exitCode) console.error(serverLog)
    rmSync(dir, { recursive: true, force: true })
  })

  it(
    'opens an outage with a rollback to 1.0.0 and tells the receiver when the api fails every request',
    { timeout: 90_000 },
    async () => {
      await fleet.fault('production', 'api', { errorRate: 1 })
      // The errors in the api's log may open it first (elevated errors); the failing probe makes it an outage.
      const { opened, notice } = await nextIncident('api')
      expectIncident(opened, notice, ['outage', 'elevated-errors'], ['SEV1', 'SEV2'])
      await becomes(opened.payload.incidentId, 'outage', ['SEV1', 'SEV2'])
      assert.deepEqual(opened.payload.services, ['api'])
      await fleet.fault('production', 'api', {})
      assert.equal(await recover('errors cleared'), '1.1.0')
    },
  )

  it('opens a performance incident when the api answers after 1.5 s', { timeout: 90_000 }, async () => {
    await fleet.fault('production', 'api', { latencyMs: 1500 })
    const { opened, notice } = await nextIncident('api')
    expectIncident(opened, notice, ['degraded-performance'], ['SEV2', 'SEV3'])
    await fleet.fault('production', 'api', {})
    assert.equal(await recover('latency back to normal'), '1.1.0')
  })

  it(
    'opens an outage while the api crashes again each time the supervisor restarts it',
    { timeout: 90_000 },
    async () => {
      let looping = true
      const loop = (async () => {
        while (looping) {
          await fleet.fault('production', 'api', { crash: true }).catch(() => {})
          await sleep(50)
        }
      })()
      try {
        const { opened, notice } = await nextIncident('api')
        expectIncident(opened, notice, ['outage', 'elevated-errors'], ['SEV1', 'SEV2'])
        await becomes(opened.payload.incidentId, 'outage', ['SEV1', 'SEV2'])
        const api = (await fleet.status()).find((s) => s.env === 'production' && s.service === 'api')!
        assert.ok(api.restarts >= 2, `restarts: ${api.restarts}`)
      } finally {
        looping = false
        await loop
      }
      assert.equal(await recover('crash loop stopped'), '1.1.0')
    },
  )

  it(
    'opens an Electron update failure when the feed keeps serving the previous version',
    { timeout: 90_000 },
    async () => {
      await fleet.fault('production', 'electron-feed', { staleFeed: true })
      const { opened, notice } = await nextIncident('electron-feed')
      expectIncident(opened, notice, ['electron-update-failure'], ['SEV1', 'SEV2', 'SEV3'])
      assert.deepEqual(opened.payload.services, ['electron-feed'])
      await ok(['rollback', 'production', '--reason', 'feed stale on 1.1.0'], 'bo@example.com')
      assert.equal(await recover('rolled back to 1.0.0'), '1.0.0')
    },
  )

  it(
    'opens an incident from the logs when errors burst right after a deploy while probes mostly pass',
    { timeout: 90_000 },
    async () => {
      await ok(['deploy', 'staging', '--release', '1.2.0'])
      await ok(['approve', '1.2.0', '--env', 'production', '--reason', 'staging fine'], 'bo@example.com')
      await ok(['deploy', 'production', '--release', '1.2.0'])
      // A share of requests fails from the moment 1.2.0 serves: never three health checks in a row.
      await fleet.fault('production', 'api', { errorRate: 0.3 })
      const { opened, notice } = await nextIncident('api')
      expectIncident(opened, notice, ['elevated-errors', 'failed-deploy'], ['SEV2', 'SEV3', 'SEV4'])
      assert.ok(
        opened.payload.signals.some((x) => x.kind === 'error-rate'),
        'the incident comes from the logs',
      )
      await ok(['rollback', 'production', '--reason', 'errors after 1.2.0'], 'bo@example.com')
      assert.equal(await recover('rolled back to 1.0.0'), '1.0.0')
      assert.equal((await rina(['audit', 'verify'])).code, 0)
    },
  )
})
