import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, before, describe, it } from 'node:test'
import { groupAlive } from '../../engine/src/providers/process-group.ts'
import type { Workspace } from './testing/workspace.ts'
import { workspace } from './testing/workspace.ts'

const BIN = fileURLToPath(new URL('../bin/rina.js', import.meta.url))

const config = `project: shop
environments:
  staging:
    health: { passes: 1, within: 5s, soak: 200ms }
    services:
      api:
        deploy: { type: command, deploy: 'echo "$RINA_RELEASE" >> deployed.log; if [ -f slow ]; then echo $$ > slow.pid; sleep 20; echo late > late.marker; fi', rollback: 'echo "back $RINA_RELEASE" >> deployed.log' }
        probes: [{ name: up, type: command, run: "true" }]
  production:
    health: { passes: 1, within: 5s, soak: 200ms }
    approval: { required: 1, allowSelfApproval: true }
    services:
      api:
        deploy: { type: command, deploy: 'echo "$RINA_RELEASE" >> deployed.log' }
        probes: [{ name: up, type: command, run: "true" }]
`

/** Runs rina inside a pseudo-terminal (util-linux `script`) and answers its prompt. */
function rinaInPty(cwd: string, args: string[], answer: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const cmd = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', RINA_USER: 'ana@example.com', CI: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let out = ''
    let answered = false
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (!answered && /Type "production"/.test(out)) {
        answered = true
        child.stdin.write(`${answer}\r`)
      }
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, out }))
  })
}

describe('rina deploy (end to end)', () => {
  let ws: Workspace
  before(() => {
    ws = workspace({ 'rina.yml': config })
  })
  after(() => ws.dispose())

  it('asks for the environment name on a terminal and deploys only when it is typed', async () => {
    assert.equal((await ws.rina(['deploy', 'staging', '--release', '1.0.0'])).code, 0)
    await ws.rina(['approve', '1.0.0', '--env', 'production', '--reason', 'solo team'])
    const wrong = await rinaInPty(ws.dir, ['deploy', 'production', '--release', '1.0.0'], 'yes')
    assert.equal(wrong.code, 3, wrong.out)
    assert.match(wrong.out, /typed "yes", not "production"/)
    const right = await rinaInPty(ws.dir, ['deploy', 'production', '--release', '1.0.0'], 'production')
    assert.equal(right.code, 0, right.out)
    assert.match(right.out, /1\.0\.0 is live in production/)
    const log = await ws.rina(['audit', 'log', '--type', 'deploy.started', '--json'])
    const started = (
      JSON.parse(log.stdout) as { events: { payload: { env: string; confirmation: string } }[] }
    ).events
    assert.deepEqual(started.find((e) => e.payload.env === 'production')?.payload.confirmation, 'typed')
  })

  it('recovers after kill -9 in the middle of a deploy, stops the orphaned command and keeps the audit trail intact', async () => {
    ws.write({ slow: '' })
    const child = spawn(process.execPath, [BIN, 'deploy', 'staging', '--release', '2.0.0'], {
      cwd: ws.dir,
      env: { ...process.env, NO_COLOR: '1', RINA_USER: 'ana@example.com' },
      stdio: 'ignore',
    })
    // Wait until the deploy command is running (it wrote its pid before sleeping), then kill the CLI hard.
    for (let i = 0; i < 200 && !existsSync(join(ws.dir, 'slow.pid')); i++) {
      await new Promise((r) => setTimeout(r, 50))
    }
    child.kill('SIGKILL')
    await new Promise((r) => child.on('close', r))
    rmSync(join(ws.dir, 'slow'))
    // The deploy command's shell leads its own process group and outlives the CLI (it sleeps, then would go on).
    const orphan = Number(readFileSync(join(ws.dir, 'slow.pid'), 'utf8'))
    assert.equal(groupAlive(orphan), true, 'the deploy command outlived the CLI')

    const st = await ws.rina(['status', '--json'])
    const staging = (
      JSON.parse(st.stdout) as {
        environments: { env: string; lock: unknown; runs: { release: string; status: string }[] }[]
      }
    ).environments[0]!
    assert.equal(staging.lock, null)
    assert.equal(staging.runs[0]?.release, '2.0.0')
    assert.equal(staging.runs[0]?.status, 'interrupted')
    assert.equal(groupAlive(orphan), false, 'the orphaned deploy command still runs after recovery')
    const again = await ws.rina(['deploy', 'staging', '--release', '2.0.1'])
    assert.equal(again.code, 0, again.stderr)
    const verify = await ws.rina(['audit', 'verify'])
    assert.equal(verify.code, 0, verify.stdout)
    const log = await ws.rina(['audit', 'log', '--type', 'deploy.interrupted', '--json'])
    const ev = (
      JSON.parse(log.stdout) as {
        events: {
          actor: { kind: string }
          payload: { release: string; commands: { pgid: number; outcome: string }[] }
        }[]
      }
    ).events
    assert.deepEqual([ev.length, ev[0]?.actor.kind, ev[0]?.payload.release], [1, 'system', '2.0.0'])
    assert.deepEqual(
      ev[0]?.payload.commands.map((c) => [c.pgid, c.outcome]),
      [[orphan, 'stopped']],
    )
    const groups = await ws.rina(['audit', 'log', '--type', 'deploy.command_started', '--json'])
    const recorded = (JSON.parse(groups.stdout) as { events: { payload: { group: { pgid: number } } }[] })
      .events
    assert.ok(
      recorded.some((e) => e.payload.group.pgid === orphan),
      'the group was journaled when it started',
    )
    assert.equal(existsSync(join(ws.dir, 'late.marker')), false, 'the orphaned deploy command went on')
  })

  it('refuses a self-approval where the policy says so, and counts another person', async () => {
    const strict = workspace({
      'rina.yml': config.replace('allowSelfApproval: true', 'allowSelfApproval: false'),
    })
    try {
      assert.equal((await strict.rina(['deploy', 'staging', '--release', '4.0.0'])).code, 0)
      const self = await strict.rina(['approve', '4.0.0', '--reason', 'my own change'])
      assert.equal(self.code, 3)
      assert.match(self.stderr, /ana@example\.com requested release 4\.0\.0 and may not approve it/)
      const other = await strict.rina(['approve', '4.0.0', '--reason', 'reviewed'], {
        env: { RINA_USER: 'bo@example.com' },
      })
      assert.equal(other.code, 0, other.stderr)
      const p = await strict.rina(['deploy', 'production', '--release', '4.0.0'])
      assert.equal(p.code, 0, p.stderr + p.stdout)
    } finally {
      strict.dispose()
    }
  })

  it('prints the plan without changing anything on --dry-run', async () => {
    const before = (await ws.rina(['audit', 'anchor'])).stdout
    const r = await ws.rina(['deploy', 'staging', '--release', '3.0.0', '--dry-run'])
    assert.equal(r.code, 0)
    assert.match(r.stdout, /Plan: deploy 3\.0\.0 in staging/)
    assert.match(r.stdout, /\$ echo "\$RINA_RELEASE" >> deployed\.log/)
    assert.equal((await ws.rina(['audit', 'anchor'])).stdout, before)
  })
})
