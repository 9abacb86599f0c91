/** @module Tests of the fleet's rina.yml: it passes the real config validation and says what the demo needs. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { validateConfigText } from '../../packages/engine/src/config/index.ts'
import type { RinaConfig } from '../../packages/engine/src/config/index.ts'
import { fleetConfigText } from './config.ts'
import { FLEET_CODE } from './layout.ts'
import { assignPorts } from './ports.ts'

const ports = assignPorts(Array.from({ length: 8 }, (_, i) => 41000 + i))

function validate(dir: string): RinaConfig {
  const result = validateConfigText(fleetConfigText({ dir, ports }), { file: 'rina.yml', env: {} })
  if (!result.ok)
    assert.fail(result.error.map((e) => `${e.line}:${e.column} ${e.path} ${e.message}`).join('\n'))
  return result.value.config
}

describe('fleetConfigText', () => {
  it('passes validateConfigText when given a plain directory', () => {
    const config = validate('/srv/fleet')
    assert.deepEqual(Object.keys(config.environments), ['staging', 'production'])
    for (const env of Object.values(config.environments)) {
      assert.deepEqual(Object.keys(env.services), ['website', 'api', 'worker', 'electron-feed'])
      assert.deepEqual(env.health, { passes: 2, within: '20s', soak: '3s' })
    }
  })

  it('deploys each service with release-dir and the supervisor restart command when validated', () => {
    const api = validate('/srv/fleet').environments['production']!.services['api']!
    const { type, root, source, keep, start, timeout } = api.deploy as Record<string, unknown>
    assert.deepEqual(
      { type, root, source, keep, start, timeout },
      {
        type: 'release-dir',
        root: '/srv/fleet/production/api',
        source: '/srv/fleet/builds/api/{release}',
        keep: 5,
        start: `node ${FLEET_CODE.ctl} --dir /srv/fleet restart production api`,
        timeout: '30s',
      },
    )
    assert.deepEqual(
      api.logs.map((l) => [l.type, 'path' in l ? l.path : null]),
      [['file', '/srv/fleet/logs/production/api.log']],
    )
  })

  it('probes every service on its own port when the ports are assigned', () => {
    const services = validate('/srv/fleet').environments['staging']!.services
    const probe = (name: string) => services[name]!.probes[0]!
    const home = probe('website') as Record<string, unknown>
    assert.deepEqual(
      [home['type'], home['url'], home['interval']],
      ['http', 'http://127.0.0.1:41000/healthz', '1s'],
    )
    assert.deepEqual((probe('api') as { expect: unknown }).expect, {
      status: 200,
      json: { '$.status': 'ok' },
      maxLatency: '1s',
    })
    assert.equal((probe('api') as { url: string }).url, 'http://127.0.0.1:41001/health')
    assert.deepEqual(
      { type: probe('worker').type, file: (probe('worker') as { file?: string }).file },
      { type: 'heartbeat', file: '/srv/fleet/run/staging/worker.heartbeat' },
    )
    assert.equal((probe('worker') as { staleAfter: string }).staleAfter, '5s')
    assert.equal((probe('electron-feed') as { url: string }).url, 'http://127.0.0.1:41003/latest.yml')
    assert.equal(services['electron-feed']!.kind, 'electron')
  })

  it('asks one self-approvable approval for production and routes everything to the console when validated', () => {
    const config = validate('/srv/fleet')
    assert.deepEqual(config.environments['production']!.approval, {
      required: 1,
      allowSelfApproval: true,
      requirePassed: 'staging',
    })
    assert.equal(config.environments['staging']!.autoRollback, true)
    assert.deepEqual(config.notifications.channels, { terminal: { type: 'console', stream: 'stdout' } })
    assert.deepEqual(config.notifications.default, ['terminal'])
  })

  it('quotes paths for YAML and the shell when the directory holds spaces and quotes', () => {
    const dir = `/tmp/my "fleet" it's here`
    const website = validate(dir).environments['staging']!.services['website']!
    assert.equal(website.deploy.type === 'release-dir' && website.deploy.root, `${dir}/staging/website`)
    const start = website.deploy.type === 'release-dir' ? website.deploy.start : undefined
    assert.equal(start?.includes(`'/tmp/my "fleet" it'\\''s here'`), true)
  })
})
