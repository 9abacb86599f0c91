import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Fleet } from '../../../examples/fleet/fleet.ts'
import { createFleet } from '../../../examples/fleet/fleet.ts'
import { runRina } from './testing/workspace.ts'

describe('rina against the demo fleet (end to end)', () => {
  let dir: string
  let fleet: Fleet
  const rina = (args: string[], user = 'ana@example.com') => runRina(dir, args, { RINA_USER: user, CI: '' })
  const json = async <T>(args: string[]): Promise<T> =>
    JSON.parse((await rina([...args, '--json'])).stdout) as T
  const apiVersion = async (env: 'staging' | 'production') =>
    ((await (await fetch(`${fleet.urls[env].api}/health`)).json()) as { version: string }).version

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rina-fleet-e2e-'))
    fleet = await createFleet({ dir })
    fleet.build('1.0.0')
    fleet.build('1.1.0')
    fleet.build('1.2.0', { faults: { api: { errorRate: 1 } } })
    await fleet.start()
  })
  after(async () => {
    await fleet.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('deploys cleanly to staging and, after an approval, to production', async () => {
    const s = await rina(['deploy', 'staging', '--release', '1.0.0'])
    assert.equal(s.code, 0, s.stderr + s.stdout)
    assert.equal(await apiVersion('staging'), '1.0.0')
    const denied = await rina(['deploy', 'production', '--release', '1.0.0'])
    assert.equal(denied.code, 3)
    assert.match(denied.stderr, /no terminal to confirm|approval/)
    assert.equal((await rina(['approve', '1.0.0', '--reason', 'reviewed'], 'bo@example.com')).code, 0)
    const p = await rina(['deploy', 'production', '--release', '1.0.0'])
    assert.equal(p.code, 0, p.stderr + p.stdout)
    assert.equal(await apiVersion('production'), '1.0.0')
    const h = await rina(['health-check'])
    assert.equal(h.code, 0, h.stdout)
  })

  it('fails the health gate of a faulty release and rolls staging back by itself', async () => {
    const r = await rina(['deploy', 'staging', '--release', '1.2.0'])
    assert.equal(r.code, 1, r.stdout)
    assert.match(r.stdout, /health gate failed: api\/health/)
    assert.match(r.stdout, /automatic rollback: staging is back on 1\.0\.0, health verified/)
    assert.equal(await apiVersion('staging'), '1.0.0')
    const st = await json<{ environments: { env: string; current: string }[] }>(['status'])
    assert.equal(st.environments.find((e) => e.env === 'staging')?.current, '1.0.0')
  })

  it('refuses production for a release that never passed staging, and while frozen', async () => {
    await rina(['approve', '1.2.0', '--reason', 'trying'], 'bo@example.com').catch(() => {})
    const notValidated = await rina(['deploy', 'production', '--release', '1.2.0'])
    assert.equal(notValidated.code, 3)
    assert.match(notValidated.stderr, /has not passed staging/)
    assert.equal((await rina(['deploy', 'staging', '--release', '1.1.0'])).code, 0)
    assert.equal((await rina(['approve', '1.1.0', '--reason', 'soak fine'], 'bo@example.com')).code, 0)
    await rina(['freeze', 'enable', '--reason', 'launch day'])
    const frozen = await rina(['deploy', 'production', '--release', '1.1.0'])
    assert.equal(frozen.code, 3)
    assert.match(frozen.stderr, /production is frozen/)
    await rina(['freeze', 'disable', '--reason', 'launch went fine'])
  })

  it('rolls production back when a fault appears after a deploy', async () => {
    assert.equal((await rina(['deploy', 'production', '--release', '1.1.0'])).code, 0)
    await fleet.fault('production', 'api', { errorRate: 1 })
    const sick = await rina(['health-check', 'production'])
    assert.equal(sick.code, 1)
    assert.match(sick.stdout, /api\s+health\s+FAIL/)
    const back = await rina(['rollback', 'production', '--reason', 'api failing after 1.1.0'])
    assert.equal(back.code, 0, back.stdout + back.stderr)
    assert.equal(await apiVersion('production'), '1.0.0')
    assert.equal((await rina(['health-check', 'production'])).code, 0)
    assert.equal((await rina(['audit', 'verify'])).code, 0)
  })
})
