/**
 * @module `rina token` and `rina serve` as real processes: a token made on the command line opens the API of a
 * running server, its user is the actor of what it does, revocation takes effect, and SIGTERM stops it cleanly.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import type { Workspace } from './testing/workspace.ts'
import { workspace } from './testing/workspace.ts'

const BIN = fileURLToPath(new URL('../bin/rina.js', import.meta.url))

const CONFIG = `project: shop
environments:
  staging:
    services:
      api: { deploy: { type: command, deploy: "true" } }
  production:
    services:
      api: { deploy: { type: command, deploy: "true" } }
`

describe('rina serve and rina token (end to end)', () => {
  let ws: Workspace
  before(() => (ws = workspace({ 'rina.yml': CONFIG })))
  after(() => ws.dispose())

  it('serves the API to a token made on the command line and stops on SIGTERM', async () => {
    const made = await ws.rina([
      'token',
      'create',
      '--user',
      'bo@example.com',
      '--role',
      'deployer',
      '--json',
    ])
    assert.equal(made.code, 0, made.stderr)
    const { secret, token } = JSON.parse(made.stdout) as { secret: string; token: { id: string } }
    assert.match(secret, /^rwd_/)

    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: ws.dir,
      env: { ...process.env, NO_COLOR: '1', RINA_USER: 'ops@example.com' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString()
        const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)
        if (m) resolve(m[1]!)
      })
      child.on('exit', () => reject(new Error(`rina serve exited: ${stderr}`)))
    })
    const auth = { authorization: `Bearer ${secret}` }
    const frozen = await fetch(`${url}/api/v1/freeze/enable`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ env: 'staging', reason: 'incident 7' }),
    })
    assert.equal(frozen.status, 200)

    const revoked = await ws.rina(['token', 'revoke', token.id])
    assert.equal(revoked.code, 0, revoked.stderr)
    assert.equal((await fetch(`${url}/api/v1/me`, { headers: auth })).status, 401)

    child.kill('SIGTERM')
    const [code] = (await once(child, 'exit')) as [number | null]
    assert.equal(code, 0, stderr)

    const log = await ws.rina(['audit', 'log', '--type', 'freeze.*', '--json'])
    const events = (JSON.parse(log.stdout) as { events: { actor: { id: string } }[] }).events
    assert.deepEqual(
      events.map((e) => e.actor.id),
      ['bo@example.com'],
    )
    const list = await ws.rina(['token', 'list'])
    assert.match(list.stdout, /revoked/)
    assert.ok(!list.stdout.includes(secret))
  })
})
