/**
 * @module Deploys over the API with real processes: 202 once the run starts, followed on the event stream; the
 * production deploy needs a person's prior approval; rollback; a second deploy meets the lock; close stops runs.
 */
import { humanActor } from '@rinawarp/engine'
import { testContext, waitFor } from '@rinawarp/engine/testing'
import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import type { Harness } from '../testing/harness.ts'
import { fastConfig, harness } from '../testing/harness.ts'
import { readFrames } from '../testing/sse-reader.ts'

let h: Harness
afterEach(() => h.close())

interface Started {
  runId: string
  seq: number
  links: { run: string; events: string }
}

async function start(path: string, token: string, body: object): Promise<Started> {
  const res = await h.call('POST', path, { token, body })
  const out = (await res.json()) as Started
  assert.equal(res.status, 202, JSON.stringify(out))
  return out
}

async function finished(
  runId: string,
): Promise<{ status: string; actor: { id: string }; confirmation: string }> {
  return waitFor(async () => {
    const res = await h.call('GET', `/api/v1/runs/${runId}`)
    const { run } = (await res.json()) as {
      run: { status: string; actor: { id: string }; confirmation: string }
    }
    return run.status === 'running' ? null : run
  })
}

describe('deploy routes', () => {
  it('starts a staging deploy with 202 and streams its events up to deploy.succeeded', async () => {
    h = await harness()
    const s = await start('/api/v1/deploys', h.tokens.deployer, { env: 'staging', release: '1.0.0' })
    assert.match(s.runId, /^run_/)
    const stream = readFrames(await h.call('GET', s.links.events, { token: h.tokens.viewer }))
    const frames = await stream.until((f) => f.some((x) => x.data.includes('"deploy.succeeded"')))
    void stream.stop()
    const types = frames.filter((f) => f.event === 'journal').map((f) => JSON.parse(f.data).type as string)
    assert.equal(types[0], 'deploy.started')
    assert.equal(types.at(-1), 'deploy.succeeded')
    assert.ok(types.includes('deploy.step_completed'))
    const run = await finished(s.runId)
    assert.equal(run.actor.id, 'deployer@example.com')
  })

  it('refuses production until a person approved, then deploys on that prior approval', async () => {
    h = await harness()
    await finished(
      (await start('/api/v1/deploys', h.tokens.deployer, { env: 'staging', release: '1.0.0' })).runId,
    )
    const refused = await h.call('POST', '/api/v1/deploys', {
      token: h.tokens.deployer,
      body: { env: 'production', release: '1.0.0' },
    })
    const body = (await refused.json()) as { error: { code: string; message: string } }
    assert.equal(refused.status, 403)
    assert.equal(body.error.code, 'GATE_DENIED')
    const approval = await h.call('POST', '/api/v1/releases/1.0.0/approvals', {
      token: h.tokens.approver,
      body: { env: 'production', reason: 'reviewed diff and soak' },
    })
    assert.equal(approval.status, 201)
    const s = await start('/api/v1/deploys', h.tokens.deployer, { env: 'production', release: '1.0.0' })
    const run = await finished(s.runId)
    assert.deepEqual([run.status, run.confirmation], ['succeeded', 'prior-approval'])
  })

  it('rolls staging back to the previous release when asked with a reason', async () => {
    h = await harness()
    for (const release of ['1.0.0', '1.1.0'])
      await finished((await start('/api/v1/deploys', h.tokens.deployer, { env: 'staging', release })).runId)
    const s = await start('/api/v1/rollbacks', h.tokens.deployer, { env: 'staging', reason: 'bad build' })
    assert.equal((await finished(s.runId)).status, 'succeeded')
    const env = (await (await h.call('GET', '/api/v1/environments/staging')).json()) as { current: string }
    assert.equal(env.current, '1.0.0')
  })

  it("serves the run's command output page by page, complete once the run has ended", async () => {
    const config = fastConfig({
      deploy: 'for i in 1 2 3; do echo "step $i of $RINA_RELEASE"; done; echo oops >&2',
    })
    h = await harness({ ctx: testContext({ config, actor: humanActor('operator@example.com') }) })
    const s = await start('/api/v1/deploys', h.tokens.deployer, { env: 'staging', release: '1.0.0' })
    await finished(s.runId)
    const read = async (query: string) => {
      const res = await h.call('GET', `/api/v1/runs/${s.runId}/log${query}`, { token: h.tokens.viewer })
      assert.equal(res.status, 200)
      return (await res.json()) as {
        lines: { seq: number; stream: string; stepId: string | null; text: string }[]
        next: number
        running: boolean
      }
    }
    const first = await read('?limit=2')
    assert.deepEqual(
      first.lines.map((l) => l.seq),
      [1, 2],
    )
    assert.deepEqual([first.next, first.running], [2, false])
    const rest = await read(`?after=${first.next}`)
    const all = [...first.lines, ...rest.lines]
    assert.deepEqual(all.map((l) => l.text).sort(), [
      'oops',
      'step 1 of 1.0.0',
      'step 2 of 1.0.0',
      'step 3 of 1.0.0',
    ])
    assert.deepEqual(
      all.filter((l) => l.stream === 'stderr').map((l) => l.text),
      ['oops'],
    )
    assert.ok(all.every((l) => l.stepId === 'api:deploy'))
    assert.deepEqual((await read(`?after=${rest.next}`)).lines, [])
    const missing = await h.call('GET', '/api/v1/runs/run_999999/log', { token: h.tokens.viewer })
    assert.equal(missing.status, 404)
  })

  it('returns the plan without running anything when a plan is asked for', async () => {
    h = await harness()
    const res = await h.call('POST', '/api/v1/deploys/plan', { body: { env: 'staging', release: '2.0.0' } })
    const out = (await res.json()) as { lines: string[]; plan: { runId: string } }
    assert.equal(res.status, 200)
    assert.ok(out.lines.length > 0)
    assert.deepEqual((await h.ctx.journal.query({ types: ['deploy.*'] })).length, 0)
  })

  it('answers 409 LOCK_HELD when a deploy runs already, and stops the run when the app closes', async () => {
    const config = fastConfig({ deploy: 'sleep 30' })
    h = await harness({ ctx: testContext({ config, actor: humanActor('operator@example.com') }) })
    const s = await start('/api/v1/deploys', h.tokens.deployer, { env: 'staging', release: '1.0.0' })
    const second = await h.call('POST', '/api/v1/deploys', { body: { env: 'staging', release: '1.0.1' } })
    assert.equal(second.status, 409)
    assert.equal(((await second.json()) as { error: { code: string } }).error.code, 'LOCK_HELD')
    await h.close()
    const run = (await h.ctx.journal.state()).runs[s.runId]
    assert.equal(run?.status, 'failed')
  })
})
