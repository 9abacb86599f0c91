/**
 * @module `rina logs run` end to end: a deploy's output printed from the store by a later invocation, redacted,
 * stderr marked, as JSON, and followed live from another process while the deploy still runs.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { waitFor } from '../../engine/src/testing/wait-for.ts'
import type { Workspace } from './testing/workspace.ts'
import { workspace } from './testing/workspace.ts'

const BIN = fileURLToPath(new URL('../bin/rina.js', import.meta.url))
const TOKEN = 'dt-5e1f9a7c3b2d4e6f'

const config = `project: shop
environments:
  staging:
    health: { passes: 1, within: 5s, soak: 10ms }
    services:
      api:
        deploy:
          type: command
          deploy: 'echo "placing $RINA_RELEASE"; echo "auth $DEPLOY_TOKEN" >&2; if [ -f hold ]; then while [ ! -f go ]; do sleep 0.05; done; echo "after go"; fi'
          env: { DEPLOY_TOKEN: "\${DEPLOY_TOKEN}" }
  production:
    services:
      api: { deploy: { type: command, deploy: "true" } }
`

interface Line {
  seq: number
  stream: string
  stepId: string
  text: string
}

describe('rina logs run (end to end)', () => {
  let ws: Workspace
  const env = { DEPLOY_TOKEN: TOKEN }
  before(() => {
    ws = workspace({ 'rina.yml': config })
  })
  after(() => ws.dispose())

  const deployed = async (release: string): Promise<string> => {
    const r = await ws.rina(['deploy', 'staging', '--release', release, '--json'], { env })
    assert.equal(r.code, 0, r.stderr)
    return (JSON.parse(r.stdout) as { runId: string }).runId
  }

  it('prints the stored output of a finished deploy, redacted, with stderr marked', async () => {
    const runId = await deployed('1.0.0')
    const text = await ws.rina(['logs', 'run', runId], { env })
    assert.equal(text.code, 0, text.stderr)
    assert.match(text.stdout, /api:deploy │ placing 1\.0\.0/)
    assert.match(text.stdout, /api:deploy ! auth \[REDACTED\]/)
    assert.ok(!text.stdout.includes(TOKEN))
    const json = await ws.rina(['logs', 'run', runId, '--json'], { env })
    const out = JSON.parse(json.stdout) as { runId: string; running: boolean; lines: Line[] }
    assert.deepEqual([out.runId, out.running], [runId, false])
    assert.deepEqual(out.lines.map((l) => [l.stream, l.text]).sort(), [
      ['stderr', 'auth [REDACTED]'],
      ['stdout', 'placing 1.0.0'],
    ])
    const followed = await ws.rina(['logs', 'run', runId, '--follow'], { env })
    assert.equal(followed.code, 0)
    assert.match(followed.stdout, /placing 1\.0\.0/)
  })

  it('fails with NOT_FOUND and a hint when the run does not exist', async () => {
    const r = await ws.rina(['logs', 'run', 'run_nope'], { env })
    assert.equal(r.code, 1)
    assert.match(r.stderr, /no run run_nope/)
  })

  it('follows the output of a deploy running in another process until the deploy ends', async () => {
    ws.write({ hold: '' })
    const deploy = ws.rina(['deploy', 'staging', '--release', '2.0.0', '--json'], { env })
    const runId = await waitFor(async () => {
      const r = await ws.rina(['audit', 'log', '--type', 'deploy.started', '--json'], { env })
      const events = (JSON.parse(r.stdout) as { events: { payload: { runId: string; release: string } }[] })
        .events
      return events.find((e) => e.payload.release === '2.0.0')?.payload.runId ?? null
    }, 50)
    const follower = spawn(process.execPath, [BIN, 'logs', 'run', runId, '--follow', '--interval', '50'], {
      cwd: ws.dir,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let seen = ''
    follower.stdout.on('data', (d: Buffer) => (seen += d.toString()))
    const exited = new Promise<number>((resolve) => follower.on('close', (code) => resolve(code ?? -1)))
    await waitFor(() => seen.includes('placing 2.0.0'), 20)
    assert.ok(!seen.includes('after go'))
    ws.write({ go: '' })
    assert.equal(await exited, 0)
    assert.match(seen, /api:deploy │ after go/)
    assert.equal((await deploy).code, 0)
  })
})
