import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { humanActor } from '../domain/actor.ts'
import { isRinaError } from '../errors.ts'
import { minimalConfig, testContext } from '../testing/context.ts'
import { approve } from './approve.ts'
import type { ConfirmIo } from './deploy.ts'
import { deploy } from './deploy.ts'
import { enableFreeze } from './freeze.ts'
import { rollback } from './rollback.ts'
import { systemClock } from '../clock.ts'

const typed = (answer: string): ConfirmIo => ({ interactive: true, ask: async () => answer })
const headless: ConfirmIo = { interactive: false, ci: false }

describe('deploy (command provider, real processes)', () => {
  let dir: string
  before(() => (dir = mkdtempSync(join(tmpdir(), 'rina-deploy-'))))
  after(() => rmSync(dir, { recursive: true, force: true }))

  const env = (extra: object = {}) => ({
    health: { passes: 2, within: '3s', soak: '300ms' },
    services: {
      api: {
        deploy: {
          type: 'command',
          deploy: 'echo "$RINA_RELEASE" >> deployed.log; test ! -f fail-$RINA_RELEASE',
          rollback: 'echo "back to $RINA_RELEASE" >> deployed.log',
        },
        probes: [{ name: 'up', type: 'command', run: 'test ! -f down', interval: '1s', timeout: '2s' }],
      },
    },
    ...extra,
  })
  const fresh = () => {
    const d = mkdtempSync(join(dir, 'ws-'))
    const config = minimalConfig({
      environments: { staging: env(), production: env({ approval: { required: 1 } }) },
    })
    const ctx = { ...testContext({ config }), configDir: d, clock: systemClock }
    return { d, ctx, as: (id: string) => ({ ...ctx, actor: humanActor(id) }) }
  }

  it('deploys to staging, then to production after another person approves and the deployer types the name', async () => {
    const { d, ctx, as } = fresh()
    const s = await deploy(ctx, { env: 'staging', release: '1.0.0', confirm: headless })
    assert.equal(s.status, 'succeeded')
    await approve(as('bo@example.com'), { release: '1.0.0', env: 'production', reason: 'reviewed' })
    const p = await deploy(ctx, { env: 'production', release: '1.0.0', confirm: typed('production') })
    assert.equal(p.status, 'succeeded')
    assert.deepEqual(readFileSync(join(d, 'deployed.log'), 'utf8').trim().split('\n'), ['1.0.0', '1.0.0'])
    const state = await ctx.journal.state()
    assert.equal(state.environments.production?.current, '1.0.0')
    assert.equal(Object.values(state.runs).find((r) => r.env === 'production')?.confirmation, 'typed')
  })

  it('rolls staging back automatically when the health gate fails', async () => {
    const { d, ctx } = fresh()
    await deploy(ctx, { env: 'staging', release: '1.0.0', confirm: headless })
    writeFileSync(join(d, 'down'), '')
    const promise = deploy(ctx, { env: 'staging', release: '1.1.0', confirm: headless })
    // The service comes back once the old release is in place again.
    setTimeout(() => rmSync(join(d, 'down'), { force: true }), 3_500)
    const r = await promise
    assert.equal(r.status, 'failed')
    if (r.status !== 'failed') return
    assert.match(r.reason, /health gate failed: api\/up passed 0 of 2 times/)
    assert.equal(r.rollback?.ok, true)
    assert.equal(r.rollback?.to, '1.0.0')
    assert.ok(readFileSync(join(d, 'deployed.log'), 'utf8').includes('back to 1.0.0'))
    assert.equal((await ctx.journal.state()).environments.staging?.current, '1.0.0')
  })

  it('denies a frozen environment, a missing approval and a self-approval', async () => {
    const { ctx, as } = fresh()
    await deploy(ctx, { env: 'staging', release: '2.0.0', confirm: headless })
    await assert.rejects(
      deploy(ctx, { env: 'production', release: '2.0.0', confirm: typed('production') }),
      (e) => isRinaError(e, 'GATE_DENIED') && /0 of 1 approval/.test(e.message),
    )
    await assert.rejects(
      approve(ctx, { release: '2.0.0', env: 'production', reason: 'my own' }),
      (e) => isRinaError(e, 'GATE_DENIED') && /may not approve/.test(e.message),
    )
    await approve(as('bo@example.com'), { release: '2.0.0', env: 'production', reason: 'ok by me' })
    await enableFreeze(ctx, { envs: ['production'], reason: 'incident 7' })
    await assert.rejects(
      deploy(ctx, { env: 'production', release: '2.0.0', confirm: typed('production') }),
      (e) => isRinaError(e, 'ENV_FROZEN'),
    )
    assert.equal((await ctx.journal.state()).environments.production, undefined)
  })

  it('refuses a non-interactive production deploy without approval and allows it with one', async () => {
    const { ctx, as } = fresh()
    const solo = {
      ...ctx,
      config: minimalConfig({
        environments: { staging: env(), production: env({ approval: { required: 0 } }) },
      }),
    }
    await deploy(solo, { env: 'staging', release: '3.0.0', confirm: headless })
    await assert.rejects(
      deploy(solo, { env: 'production', release: '3.0.0', confirm: headless }),
      /no terminal/,
    )
    await assert.rejects(
      deploy(solo, { env: 'production', release: '3.0.0', confirm: { interactive: false, ci: true } }),
      /from CI/,
    )
    await approve(as('bo@example.com'), { release: '3.0.0', env: 'production', reason: 'approved ahead' })
    const r = await deploy(solo, { env: 'production', release: '3.0.0', confirm: headless })
    assert.equal(r.status, 'succeeded')
  })

  it('prepares but does not run a production rollback, and a person runs it', async () => {
    const { d, ctx, as } = fresh()
    for (const v of ['4.0.0', '4.1.0']) {
      await deploy(ctx, { env: 'staging', release: v, confirm: headless })
      await approve(as('bo@example.com'), { release: v, env: 'production', reason: 'fine' })
    }
    await deploy(ctx, { env: 'production', release: '4.0.0', confirm: typed('production') })
    writeFileSync(join(d, 'fail-4.1.0'), '')
    const r = await deploy(ctx, { env: 'production', release: '4.1.0', confirm: typed('production') })
    assert.equal(r.status, 'failed')
    if (r.status !== 'failed') return
    assert.equal(r.rollback, null)
    assert.deepEqual([r.prepared?.ready, r.prepared?.to], [true, '4.0.0'])
    assert.ok(!readFileSync(join(d, 'deployed.log'), 'utf8').includes('back to'))
    await assert.rejects(rollback(ctx, { env: 'production', reason: '' }), /needs a reason/)
    const back = await rollback(ctx, { env: 'production', to: '4.0.0', reason: 'deploy of 4.1.0 failed' })
    assert.equal(back.ok, true)
    assert.ok(
      existsSync(join(d, 'deployed.log')) &&
        readFileSync(join(d, 'deployed.log'), 'utf8').includes('back to 4.0.0'),
    )
  })

  it('prints the plan and changes nothing on a dry run', async () => {
    const { ctx } = fresh()
    const r = await deploy(ctx, { env: 'staging', release: '5.0.0', dryRun: true, confirm: headless })
    assert.equal(r.status, 'planned')
    assert.equal((await ctx.journal.all()).length, 0)
  })
})
