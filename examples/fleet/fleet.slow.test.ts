/**
 * @module End-to-end tests of the demo fleet with real processes: versions switch, faults show, crashes heal,
 * the feed goes stale, the real release-dir provider deploys through rina.yml, and nothing outlives stop().
 */
import assert from 'node:assert/strict'
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { after, before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { validateConfigText } from '../../packages/engine/src/config/index.ts'
import type { RunContext } from '../../packages/engine/src/providers/types.ts'
import { releaseDirProvider } from '../../packages/engine/src/providers/release-dir/index.ts'
import { createFleet } from './fleet.ts'
import type { Fleet } from './fleet.ts'
import { FLEET_CODE } from './layout.ts'
import { alive, waitFor } from './testing.ts'

const run = promisify(execFile)
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `fleet-${name}-`))

const get = async (url: string) => {
  const res = await fetch(url)
  return { status: res.status, text: await res.text() }
}
const json = async (url: string) => JSON.parse((await get(url)).text) as Record<string, unknown>

describe('demo fleet', () => {
  let dir: string
  let fleet: Fleet
  before(async () => {
    dir = tmp('e2e')
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

  it('answers with version 1.0.0 on every service when 1.0.0 is current', async () => {
    const { staging } = fleet.urls
    assert.deepEqual(await json(`${staging.api}/health`), { status: 'ok', version: '1.0.0', env: 'staging' })
    assert.match((await get(`${staging.website}/`)).text, /data-version="1\.0\.0"/)
    assert.equal((await json(`${staging.website}/healthz`))['version'], '1.0.0')
    assert.equal((await json(`${staging.worker}/healthz`))['version'], '1.0.0')
    const feed = parse((await get(`${staging['electron-feed']}/latest.yml`)).text)
    assert.equal(feed.version, '1.0.0')
    const installer = await fetch(`${staging['electron-feed']}/${feed.path}`)
    const sha512 = createHash('sha512')
      .update(Buffer.from(await installer.arrayBuffer()))
      .digest('base64')
    assert.equal(sha512, feed.sha512)
  })

  it('touches the heartbeat file and logs jobs when the worker runs', async () => {
    const file = fleet.paths.heartbeat('staging')
    const first = await waitFor('a heartbeat', () => statSync(file, { throwIfNoEntry: false })?.mtimeMs)
    await waitFor('the next heartbeat', () => (statSync(file).mtimeMs > first ? true : undefined))
    const log = () => readFileSync(fleet.paths.log('staging', 'worker'), 'utf8')
    await waitFor('a job line', () => (/level=info msg="job done" job=\d+/.test(log()) ? true : undefined))
  })

  it('reports production as absent when nothing is deployed there', async () => {
    const production = (await fleet.status()).filter((s) => s.env === 'production')
    assert.deepEqual(new Set(production.map((s) => s.state)), new Set(['absent']))
  })

  it('answers with the new version when current switches to 1.1.0 and the service restarts', async () => {
    await fleet.install('staging', '1.1.0', ['api'])
    assert.equal(await fleet.current('staging', 'api'), '1.1.0')
    const restarted = await fleet.restart('staging', 'api')
    assert.equal(restarted.ok && restarted.version, '1.1.0')
    assert.equal((await json(`${fleet.urls.staging.api}/health`))['version'], '1.1.0')
  })

  it('deploys and rolls back through the rina.yml start command when the real release-dir provider runs', async () => {
    const checked = validateConfigText(fleet.configText, { file: 'rina.yml', env: {} })
    assert.ok(checked.ok)
    const deploy = checked.value.config.environments['staging']!.services['website']!.deploy
    assert.equal(deploy.type, 'release-dir')
    if (deploy.type !== 'release-dir') return
    const provider = releaseDirProvider(deploy, { configDir: dir })
    const lines: string[] = []
    const ctx: RunContext = {
      signal: new AbortController().signal,
      log: (line) => lines.push(line),
      now: () => new Date(),
      env: process.env,
    }
    const runPlan = async (kind: 'deploy' | 'rollback', release: string, previous: string) => {
      const plan = provider.plan({ kind, env: 'staging', service: 'website', release, previous })
      for (const step of plan.steps)
        assert.deepEqual(
          { step: step.id, ...(await provider.runStep(step, ctx)), durationMs: 0 },
          { step: step.id, ok: true, durationMs: 0 },
        )
    }
    await runPlan('deploy', '1.1.0', '1.0.0')
    assert.equal((await json(`${fleet.urls.staging.website}/healthz`))['version'], '1.1.0')
    assert.ok(
      lines.some((l) => l.includes('staging/website ready: release 1.1.0')),
      lines.join('\n'),
    )
    await runPlan('rollback', '1.0.0', '1.1.0')
    assert.equal((await json(`${fleet.urls.staging.website}/healthz`))['version'], '1.0.0')
  })

  it('fails requests with 500 at exactly the configured rate when the api gets an error-rate fault', async () => {
    assert.deepEqual(await fleet.fault('staging', 'api', { errorRate: 0.25 }), { errorRate: 0.25 })
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await fetch(`${fleet.urls.staging.api}/api/items`)).status)
    assert.equal(statuses.filter((s) => s === 500).length, 5)
    assert.equal(statuses.filter((s) => s === 200).length, 15)
    // The supervisor copies output into the log file as it arrives: wait for the lines to land.
    const errors = await waitFor('the error lines in the api log', () => {
      const lines = readFileSync(fleet.paths.log('staging', 'api'), 'utf8')
        .split('\n')
        .filter((l) => l.includes('"request errored"'))
        .map((l) => JSON.parse(l) as { level: number; res: { statusCode: number }; err: { message: string } })
      return lines.length >= 5 ? lines : undefined
    })
    assert.deepEqual([errors[0]!.level, errors[0]!.res.statusCode], [50, 500])
    await fleet.clearFaults('staging')
    assert.equal((await fetch(`${fleet.urls.staging.api}/api/items`)).status, 200)
  })

  it('restarts a service when it crashes', async () => {
    const before = (await fleet.status()).find((s) => s.env === 'staging' && s.service === 'api')!
    await fleet.fault('staging', 'api', { crash: true })
    const after = await waitFor('the api to come back', async () => {
      const s = (await fleet.status()).find((x) => x.env === 'staging' && x.service === 'api')!
      return s.state === 'running' && s.pid !== before.pid ? s : undefined
    })
    assert.equal(after.restarts, before.restarts + 1)
    assert.deepEqual(after.lastExit && [after.lastExit.code, after.lastExit.signal], [1, null])
    assert.equal((await json(`${fleet.urls.staging.api}/health`))['status'], 'ok')
    const apiLog = () => readFileSync(fleet.paths.log('staging', 'api'), 'utf8')
    await waitFor(
      'the stack trace in the api log',
      () => /Error: api: simulated crash/.test(apiLog()) || undefined,
    )
  })

  it('keeps announcing the old version when the feed is stale', async () => {
    const feedUrl = `${fleet.urls.staging['electron-feed']}/latest.yml`
    const version = async () => parse((await get(feedUrl)).text).version as string
    await fleet.install('staging', '1.1.0', ['electron-feed'])
    await fleet.restart('staging', 'electron-feed')
    assert.equal(await version(), '1.1.0')
    await fleet.fault('staging', 'electron-feed', { staleFeed: true })
    assert.equal(await version(), '1.0.0')
    await fleet.clearFaults('staging')
    assert.equal(await version(), '1.1.0')

    fleet.build('1.2.0', { services: ['electron-feed'], faults: { 'electron-feed': { staleFeed: true } } })
    await fleet.install('staging', '1.2.0', ['electron-feed'])
    const restarted = await fleet.restart('staging', 'electron-feed')
    assert.equal(restarted.ok && restarted.version, '1.2.0')
    assert.equal(await version(), '1.1.0')
  })

  it('exits 1 from supervisor-ctl when asked to restart an unknown service', async () => {
    const ctl = run(process.execPath, [FLEET_CODE.ctl, '--dir', dir, 'restart', 'staging', 'nope'])
    await assert.rejects(
      ctl,
      (e: { code: number; stderr: string }) => e.code === 1 && /no service staging\/nope/.test(e.stderr),
    )
  })
})

describe('demo fleet processes', () => {
  it('exits 1 from supervisor-ctl when the fleet is not running', async () => {
    const dir = tmp('ctl')
    try {
      const ctl = run(process.execPath, [FLEET_CODE.ctl, '--dir', dir, 'restart', 'staging', 'api'])
      await assert.rejects(
        ctl,
        (e: { code: number; stderr: string }) => e.code === 1 && /not running/.test(e.stderr),
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('leaves no process behind when stopped', async () => {
    const dir = tmp('stop')
    const fleet = await createFleet({ dir })
    try {
      fleet.build('1.0.0')
      await fleet.install('staging', '1.0.0')
      await fleet.install('production', '1.0.0')
      await fleet.start()
      const pids = (await fleet.status()).flatMap((s) => (s.pid === null ? [] : [s.pid]))
      assert.equal(pids.length, 8)
      const supervisor = fleet.supervisorPid!
      await fleet.stop()
      assert.deepEqual([supervisor, ...pids].filter(alive), [])
    } finally {
      await fleet.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('stops the whole fleet by itself when the process that started it is killed', async () => {
    const dir = tmp('orphan')
    const holder = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures/hold-fleet.ts'), dir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    )
    try {
      const line = await new Promise<string>((resolve) =>
        createInterface({ input: holder.stdout! }).once('line', resolve),
      )
      const { supervisor, services } = JSON.parse(line) as { supervisor: number; services: number[] }
      assert.equal(services.length, 4)
      holder.kill('SIGKILL')
      await waitFor('the fleet to stop', () => ([supervisor, ...services].some(alive) ? undefined : true))
    } finally {
      holder.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
