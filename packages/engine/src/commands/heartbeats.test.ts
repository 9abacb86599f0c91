import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isRinaError } from '../errors.ts'
import { minimalConfig, testContext } from '../testing/context.ts'
import { healthCheck } from './health.ts'
import { listHeartbeats, recordHeartbeat } from './heartbeats.ts'

const deploy = { type: 'command', deploy: 'true' }
const worker = (env: string, staleAfter: string) => ({
  deploy,
  probes: [{ name: 'beat', type: 'heartbeat', key: `mailer-${env}`, staleAfter }],
})
const config = minimalConfig({
  environments: {
    staging: { services: { mailer: worker('staging', '30s') } },
    production: {
      services: {
        mailer: worker('production', '2m'),
        billing: { deploy, probes: [{ name: 'beat', type: 'heartbeat', key: 'mailer-production' }] },
      },
    },
  },
})

describe('recordHeartbeat', () => {
  it('stamps the beat with the clock and counts it when the key is configured', async () => {
    const ctx = testContext({ config })
    const first = await recordHeartbeat(ctx, 'mailer-staging', 'worker@example.com', { release: '1.4.2' })
    ctx.clock.advance(5_000)
    const second = await recordHeartbeat(ctx, 'mailer-staging', 'worker@example.com')
    assert.deepEqual(first, { key: 'mailer-staging', at: '2026-01-05T10:00:00.000Z', count: 1 })
    assert.deepEqual(second, { key: 'mailer-staging', at: '2026-01-05T10:00:05.000Z', count: 2 })
    assert.deepEqual(await ctx.store.heartbeats.last('mailer-staging'), {
      key: 'mailer-staging',
      at: new Date('2026-01-05T10:00:05.000Z'),
      count: 2,
      from: 'worker@example.com',
      release: null,
      detail: null,
    })
  })

  it('refuses with NOT_FOUND and stores nothing when no probe has the key', async () => {
    const ctx = testContext({ config })
    await assert.rejects(
      recordHeartbeat(ctx, 'mailer', 'worker@example.com'),
      (e) =>
        isRinaError(e, 'NOT_FOUND') && /no heartbeat probe in rina.yml has the key "mailer"/.test(e.message),
    )
    assert.deepEqual(await ctx.store.heartbeats.list(), [])
  })

  it('redacts configured secrets from what the worker says', async () => {
    const ctx = testContext({ config, secrets: ['hunter2-secret'] })
    await recordHeartbeat(ctx, 'mailer-staging', 'worker@example.com', { detail: 'token hunter2-secret ok' })
    assert.equal((await ctx.store.heartbeats.last('mailer-staging'))?.detail, 'token [REDACTED] ok')
  })
})

describe('listHeartbeats', () => {
  it('lists every configured key with its age and which probes find it stale', async () => {
    const ctx = testContext({ config })
    await recordHeartbeat(ctx, 'mailer-production', 'worker@example.com', { detail: '3 queued' })
    ctx.clock.advance(90_000)
    const list = await listHeartbeats(ctx)
    assert.deepEqual(list, [
      {
        key: 'mailer-production',
        lastBeat: '2026-01-05T10:00:00.000Z',
        ageMs: 90_000,
        count: 1,
        from: 'worker@example.com',
        release: null,
        detail: '3 queued',
        probes: [
          { env: 'production', service: 'mailer', probe: 'beat', staleAfter: '2m', stale: false },
          { env: 'production', service: 'billing', probe: 'beat', staleAfter: '60s', stale: true },
        ],
      },
      {
        key: 'mailer-staging',
        lastBeat: null,
        ageMs: null,
        count: 0,
        from: null,
        release: null,
        detail: null,
        probes: [{ env: 'staging', service: 'mailer', probe: 'beat', staleAfter: '30s', stale: true }],
      },
    ])
  })

  it('still lists a key with a stored beat when rina.yml no longer configures it', async () => {
    const ctx = testContext({ config })
    await ctx.store.heartbeats.beat('retired', ctx.clock.now())
    const retired = (await listHeartbeats(ctx)).find((h) => h.key === 'retired')
    assert.deepEqual([retired?.count, retired?.probes], [1, []])
  })
})

describe('healthCheck with heartbeat keys', () => {
  it('passes on a beat recorded in the store and fails once it is older than staleAfter', async () => {
    const ctx = testContext({ config })
    const [before] = await healthCheck(ctx, ['staging'])
    assert.deepEqual(
      [before?.healthy, before?.results[0]?.detail],
      [false, 'no heartbeat received for key "mailer-staging"'],
    )

    await recordHeartbeat(ctx, 'mailer-staging', 'worker@example.com')
    ctx.clock.advance(10_000)
    const [fresh] = await healthCheck(ctx, ['staging'])
    assert.deepEqual([fresh?.healthy, fresh?.results[0]?.detail], [true, 'last beat 10s ago'])

    ctx.clock.advance(25_000)
    const [stale] = await healthCheck(ctx, ['staging'])
    assert.deepEqual(
      [stale?.healthy, stale?.results[0]?.detail],
      [false, 'last beat 35s ago, stale after 30s'],
    )
  })
})
