/** @module Probe samples route: the health agent's recent samples, per environment and service, oldest first. */
import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import type { Harness } from '../testing/harness.ts'
import { harness } from '../testing/harness.ts'

let h: Harness
afterEach(() => h.close())

describe('GET /api/v1/health/samples', () => {
  it('answers the samples of the last minutes, oldest first, when the health agent recorded some', async () => {
    h = await harness()
    const now = h.ctx.clock.now().getTime()
    const sample = (env: string, service: string, ago: number, ok = true) => ({
      env,
      service,
      probe: 'health',
      at: now - ago,
      ok,
      latencyMs: 5,
    })
    await h.ctx.store.probes.record([
      sample('staging', 'api', 10_000, false),
      sample('staging', 'api', 20_000),
      sample('production', 'api', 5_000),
      sample('staging', 'api', 3 * 60 * 60_000),
    ])
    const res = await h.call('GET', '/api/v1/health/samples?env=staging&minutes=30', {
      token: h.tokens.viewer,
    })
    const body = (await res.json()) as { samples: { at: number; ok: boolean }[] }
    assert.equal(res.status, 200)
    assert.deepEqual(
      body.samples.map((s) => [now - s.at, s.ok]),
      [
        [20_000, true],
        [10_000, false],
      ],
    )
    const all = (await (await h.call('GET', '/api/v1/health/samples')).json()) as { samples: unknown[] }
    assert.equal(all.samples.length, 3)
  })
})
