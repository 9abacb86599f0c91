/**
 * @module Heartbeat routes: any valid token records a beat for a configured key (stamped by the server clock),
 * an unknown key is a 404 that says why, and viewers list each key with its last beat, age and staleness.
 */
import { humanActor } from '@rinawarp/engine'
import { minimalConfig, testContext } from '@rinawarp/engine/testing'
import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import type { Harness } from '../testing/harness.ts'
import { harness } from '../testing/harness.ts'

let h: Harness
afterEach(() => h.close())

const deploy = { type: 'command', deploy: 'true' }
const config = minimalConfig({
  environments: {
    staging: {
      services: {
        api: { deploy },
        mailer: { deploy, probes: [{ name: 'beat', type: 'heartbeat', key: 'mailer', staleAfter: '30s' }] },
      },
    },
    production: { services: { api: { deploy } } },
  },
})

const ctx = () => testContext({ config, actor: humanActor('operator@example.com') })
const open = () => harness({ ctx: ctx() })

describe('POST /api/v1/heartbeats/:key', () => {
  it('records a beat with the server time when a viewer token reports a configured key', async () => {
    h = await open()
    const res = await h.call('POST', '/api/v1/heartbeats/mailer', {
      token: h.tokens.viewer,
      body: { release: '1.4.2', detail: '3 jobs queued' },
    })
    assert.equal(res.status, 200)
    assert.deepEqual(await res.json(), { key: 'mailer', at: '2026-01-05T10:00:00.000Z', count: 1 })
    const beat = await h.ctx.store.heartbeats.last('mailer')
    assert.deepEqual(
      [beat?.from, beat?.release, beat?.detail],
      ['viewer@example.com', '1.4.2', '3 jobs queued'],
    )
  })

  it('accepts a beat with no body at all', async () => {
    h = await open()
    const res = await h.call('POST', '/api/v1/heartbeats/mailer', { token: h.tokens.viewer })
    assert.equal(res.status, 200)
    assert.equal(((await res.json()) as { count: number }).count, 1)
  })

  it('answers 404 naming the key when no heartbeat probe in rina.yml reads it', async () => {
    h = await open()
    const res = await h.call('POST', '/api/v1/heartbeats/mailer-typo', { token: h.tokens.viewer, body: {} })
    const body = (await res.json()) as { error: { code: string; message: string; hint: string } }
    assert.equal(res.status, 404)
    assert.equal(body.error.code, 'NOT_FOUND')
    assert.equal(body.error.message, 'no heartbeat probe in rina.yml has the key "mailer-typo"')
    assert.match(body.error.hint, /type: heartbeat, key: mailer-typo/)
    assert.deepEqual(await h.ctx.store.heartbeats.list(), [])
  })

  it('journals nothing for a beat', async () => {
    h = await open()
    const before = (await h.ctx.store.journal.head()).seq
    await h.call('POST', '/api/v1/heartbeats/mailer', { token: h.tokens.viewer })
    assert.equal((await h.ctx.store.journal.head()).seq, before)
    assert.deepEqual(h.errors, [])
  })
})

describe('GET /api/v1/heartbeats', () => {
  it('lists each configured key with its last beat, age and whether the probe finds it stale', async () => {
    const c = ctx()
    h = await harness({ ctx: c })
    const list = async () =>
      (
        (await (await h.call('GET', '/api/v1/heartbeats', { token: h.tokens.viewer })).json()) as {
          heartbeats: {
            key: string
            lastBeat: string | null
            ageMs: number | null
            probes: { stale: boolean }[]
          }[]
        }
      ).heartbeats
    const none = await list()
    assert.deepEqual(
      none.map((b) => [b.key, b.lastBeat, b.ageMs, b.probes[0]?.stale]),
      [['mailer', null, null, true]],
    )

    await h.call('POST', '/api/v1/heartbeats/mailer', { token: h.tokens.deployer })
    c.clock.advance(12_000)
    const fresh = await list()
    assert.deepEqual(fresh[0], {
      key: 'mailer',
      lastBeat: '2026-01-05T10:00:00.000Z',
      ageMs: 12_000,
      count: 1,
      from: 'deployer@example.com',
      release: null,
      detail: null,
      probes: [{ env: 'staging', service: 'mailer', probe: 'beat', staleAfter: '30s', stale: false }],
    })

    c.clock.advance(30_000)
    assert.equal((await list())[0]?.probes[0]?.stale, true)
  })
})
