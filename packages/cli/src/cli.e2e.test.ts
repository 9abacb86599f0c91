import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { verifyWebhookSignature } from '@rinawarp/engine'
import type { HttpReceiver } from '../../engine/src/testing/http-receiver.ts'
import { startHttpReceiver } from '../../engine/src/testing/http-receiver.ts'
import type { Workspace } from './testing/workspace.ts'
import { workspace } from './testing/workspace.ts'

const SECRET = 'whsec-test-0123456789abcdef'

const config = (hookUrl: string) => `# test fleet
project: shop
environments:
  staging:
    services:
      api: { deploy: { type: command, deploy: "true" } }
  production:
    services:
      api: { deploy: { type: command, deploy: "true" } }
notifications:
  channels:
    hook: { type: webhook, url: "${hookUrl}", secret: "\${HOOK_SECRET}" }
    term: { type: console }
  default: [term]
  delivery: { maxAttempts: 2, initialBackoff: 100ms, maxBackoff: 200ms }
freeze:
  windows:
    - name: weekend
      timezone: UTC
      weekly: { from: "Sat 00:00", to: "Mon 00:00" }
`

describe('rina (end to end)', () => {
  let ws: Workspace
  let hook: HttpReceiver
  const env = { HOOK_SECRET: SECRET }

  before(async () => {
    hook = await startHttpReceiver()
    ws = workspace({ 'rina.yml': config(`${hook.url}/rina`) })
  })
  after(async () => {
    ws.dispose()
    await hook.close()
  })

  it('prints usage and exits 2 when a command is misused', async () => {
    const r = await ws.rina(['freeze', 'toggle'], { env })
    assert.equal(r.code, 2)
    assert.match(r.stderr, /unknown command 'toggle'/)
    assert.match(r.stderr, /Usage: rina freeze/)
    const r2 = await ws.rina(['audit', 'log', '--bogus'], { env })
    assert.equal(r2.code, 2)
  })

  it('validates the config and summarises it', async () => {
    const r = await ws.rina(['config', 'check', '--json'], { env })
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout) as { valid: boolean; environments: string[]; channels: string[] }
    assert.deepEqual(
      [out.valid, out.environments, out.channels],
      [true, ['staging', 'production'], ['hook', 'term']],
    )
  })

  it('reports a missing env var with its position and exits 1', async () => {
    const r = await ws.rina(['freeze', 'status'], { env: { HOOK_SECRET: undefined } })
    assert.equal(r.code, 1)
    assert.match(r.stderr, /rina\.yml:\d+:\d+/)
    assert.match(r.stderr, /HOOK_SECRET/)
  })

  it('freezes with a reason, shows who and why, and denies with exit 3 without one', async () => {
    const denied = await ws.rina(['freeze', 'enable'], { env })
    assert.equal(denied.code, 3)
    assert.match(denied.stderr, /needs a reason/)
    const r = await ws.rina(['freeze', 'enable', '--reason', 'incident 42', '--until', '2h'], { env })
    assert.equal(r.code, 0, r.stderr)
    const s = await ws.rina(['freeze', 'status', '--json'], { env })
    const st = JSON.parse(s.stdout) as {
      environments: { env: string; frozen: boolean; manual: { by: { id: string }; reason: string } | null }[]
    }
    const prod = st.environments.find((e) => e.env === 'production')!
    assert.deepEqual(
      [prod.frozen, prod.manual?.by.id, prod.manual?.reason],
      [true, 'ana@example.com', 'incident 42'],
    )
    const off = await ws.rina(['freeze', 'disable', '--reason', 'resolved'], {
      env: { ...env, RINA_USER: 'bo@example.com' },
    })
    assert.equal(off.code, 0, off.stderr)
    const log = await ws.rina(['audit', 'log', '--type', 'freeze.*', '--json'], { env })
    const events = (JSON.parse(log.stdout) as { events: { type: string; actor: { id: string } }[] }).events
    assert.deepEqual(
      events.map((e) => [e.type, e.actor.id]),
      [
        ['freeze.enabled', 'ana@example.com'],
        ['freeze.disabled', 'bo@example.com'],
      ],
    )
  })

  it('names the git user when RINA_USER is not set', async () => {
    await ws.rina(['freeze', 'enable', '--env', 'staging', '--reason', 'testing identity'], {
      env: { ...env, RINA_USER: undefined },
    })
    const log = await ws.rina(['audit', 'log', '--actor', 'dev@example.com', '--json'], { env })
    assert.equal((JSON.parse(log.stdout) as { events: unknown[] }).events.length, 1)
  })

  it('delivers a signed webhook notification and journals the delivery', async () => {
    const r = await ws.rina(
      ['notify', 'Deploy of api 1.4.2 starts in 5 minutes', '--channel', 'hook', '--severity', 'warning'],
      { env },
    )
    assert.equal(r.code, 0, r.stderr)
    const [req] = await hook.waitForRequests(1)
    const check = verifyWebhookSignature(
      req!.body,
      req!.headers['x-rina-signature'] as string,
      SECRET,
      Date.now(),
    )
    assert.equal(check.ok, true)
    assert.match(req!.body, /Deploy of api 1\.4\.2/)
    assert.ok(!req!.body.includes(SECRET))
    const log = await ws.rina(['audit', 'log', '--type', 'notification.*', '--json'], { env })
    const types = (JSON.parse(log.stdout) as { events: { type: string }[] }).events.map((e) => e.type)
    assert.deepEqual(types, ['notification.requested', 'notification.delivered'])
  })

  it('dead-letters after the configured attempts and re-queues on retry', async () => {
    hook.setDefault({ status: 503 })
    const r = await ws.rina(['notify', 'status page update', '--channel', 'hook', '--wait', '5s'], { env })
    assert.equal(r.code, 1)
    assert.match(r.stdout, /1 dead-lettered/)
    const s = await ws.rina(['notify', 'status', '--json'], { env })
    const dead = (JSON.parse(s.stdout) as { dead: { id: string; attempts: number }[] }).dead
    assert.equal(dead.length, 1)
    assert.equal(dead[0]!.attempts, 2)
    hook.setDefault({ status: 200, body: 'ok' })
    const again = await ws.rina(['notify', 'retry'], { env })
    assert.equal(again.code, 0, again.stderr)
    assert.match(again.stdout, /1 delivered/)
  })

  it('verifies the trail, then names the first bad event after tampering and exits 1', async () => {
    const ok = await ws.rina(['audit', 'verify'], { env })
    assert.equal(ok.code, 0, ok.stderr)
    assert.match(ok.stdout, /intact/)
    const anchor = (await ws.rina(['audit', 'anchor'], { env })).stdout.trim()
    const exported = await ws.rina(['audit', 'export'], { env })
    const lines = exported.stdout.trim().split('\n')
    assert.ok(lines.length >= 8)
    const db = new Database(join(ws.dir, '.rina/state.db'))
    db.prepare(`UPDATE events SET reason = 'nothing happened' WHERE seq = 1`).run()
    const bad = await ws.rina(['audit', 'verify', '--json'], { env })
    assert.equal(bad.code, 1)
    assert.equal((JSON.parse(bad.stdout) as { break: { seq: number } }).break.seq, 1)
    db.prepare(`UPDATE events SET reason = 'incident 42' WHERE seq = 1`).run()
    db.prepare(`DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events)`).run()
    db.close()
    assert.equal((await ws.rina(['audit', 'verify'], { env })).code, 0)
    const truncated = await ws.rina(['audit', 'verify', '--anchor', anchor], { env })
    assert.equal(truncated.code, 1)
    assert.match(truncated.stdout, /first bad event is \d+ \(anchor-missing\)/)
  })
})
