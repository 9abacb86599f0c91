import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ProbeConfig } from '../config/schema.ts'
import { closedPort } from '../testing/http-receiver.ts'
import { probeContext, SUITE_NOW } from '../testing/probe.conformance.ts'
import { httpProbeSchema } from './http/schema.ts'
import { aborted } from './observation.ts'
import { runProbe, runProbes } from './run.ts'
import { tcpProbeSchema } from './tcp/schema.ts'
import type { Observation, Probe, ProbeContext } from './types.ts'

const config = (over: Record<string, unknown> = {}): ProbeConfig =>
  httpProbeSchema.parse({ name: 'health', type: 'http', url: 'http://127.0.0.1:1/', ...over })

const probeOf = (
  observe: (ctx: ProbeContext, call: number) => Promise<Observation>,
): Probe & { calls: number } => {
  const p = {
    type: 'http' as ProbeConfig['type'],
    calls: 0,
    observe: (_c: ProbeConfig, ctx: ProbeContext) => observe(ctx, ++p.calls),
  }
  return p
}
const pass: Observation = { ok: true, latencyMs: 12, detail: '200 in 12 ms', values: { status: 200 } }
const fail: Observation = { ok: false, latencyMs: 3, detail: 'status 503, expected 200' }
const never = (ctx: ProbeContext) => new Promise<Observation>(() => void ctx)

describe('runProbe', () => {
  it('returns the observation with service, probe, type, start time and attempts when it passes', async () => {
    const r = await runProbe(
      'api',
      config(),
      probeOf(async () => pass),
      probeContext(),
    )
    assert.deepEqual(r, {
      ...pass,
      service: 'api',
      probe: 'health',
      type: 'http',
      at: SUITE_NOW.toISOString(),
      attempts: 1,
    })
  })

  it('retries until an attempt passes when retries are configured', async () => {
    const probe = probeOf(async (_ctx, call) => (call < 3 ? fail : pass))
    const r = await runProbe('api', config({ retries: 5 }), probe, probeContext())
    assert.deepEqual([r.ok, r.attempts, probe.calls], [true, 3, 3])
  })

  it('records the last failure after 1 + retries attempts when every attempt fails', async () => {
    const probe = probeOf(async () => fail)
    const r = await runProbe('api', config({ retries: 2 }), probe, probeContext())
    assert.deepEqual([r.ok, r.detail, r.attempts], [false, 'status 503, expected 200', 3])
  })

  it('turns a throw into a failed result when the probe has a bug', async () => {
    const r = await runProbe(
      'api',
      config(),
      probeOf(async () => Promise.reject(new Error('boom'))),
      probeContext(),
    )
    assert.deepEqual([r.ok, r.detail], [false, 'the http probe failed unexpectedly: boom'])
    assert.ok(r.latencyMs >= 0)
  })

  it('gives up at the timeout when the probe ignores its signal', async () => {
    const r = await runProbe('api', config({ timeout: '50ms', retries: 1 }), probeOf(never), probeContext())
    assert.deepEqual([r.ok, r.detail, r.attempts], [false, 'timed out after 50ms', 2])
  })

  it('says timed out rather than aborted when the probe stops on the timeout signal', async () => {
    const probe = probeOf(
      (ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve(aborted(1)))),
    )
    const r = await runProbe('api', config({ timeout: '50ms' }), probe, probeContext())
    assert.deepEqual([r.ok, r.detail], [false, 'timed out after 50ms'])
  })

  it('stops retrying when the caller aborts during an attempt', async () => {
    const abort = new AbortController()
    const probe = probeOf(async () => {
      abort.abort()
      return fail
    })
    const r = await runProbe('api', config({ retries: 5 }), probe, probeContext({ signal: abort.signal }))
    assert.deepEqual([r.ok, r.attempts, probe.calls], [false, 1, 1])
  })

  it('reports an abort when the caller aborts a probe that ignores its signal', async () => {
    const abort = new AbortController()
    const pending = runProbe(
      'api',
      config({ timeout: '1h' }),
      probeOf(never),
      probeContext({ signal: abort.signal }),
    )
    abort.abort()
    assert.deepEqual([(await pending).ok, (await pending).detail], [false, 'aborted'])
  })

  it('fails saying so when the probe returns something that is not an observation', async () => {
    const probe = probeOf(async () => undefined as unknown as Observation)
    const r = await runProbe('api', config(), probe, probeContext())
    assert.deepEqual([r.ok, r.detail], [false, 'the http probe returned no observation'])
  })

  it('measures the latency itself when the probe reports none', async () => {
    const r = await runProbe(
      'api',
      config(),
      probeOf(async () => ({ ...pass, latencyMs: Number.NaN })),
      probeContext(),
    )
    assert.ok(Number.isFinite(r.latencyMs) && r.latencyMs >= 0)
  })
})

describe('runProbes', () => {
  it('keeps the config order and never exceeds the concurrency when probes outnumber it', async () => {
    let running = 0
    let most = 0
    const probe = probeOf(async () => {
      most = Math.max(most, ++running)
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r))
      running--
      return pass
    })
    const configs = ['a', 'b', 'c', 'd', 'e'].map((name) => config({ name }))
    const results = await runProbes('api', configs, probeContext(), { concurrency: 2, probeFor: () => probe })
    assert.deepEqual(
      results.map((r) => r.probe),
      ['a', 'b', 'c', 'd', 'e'],
    )
    assert.equal(most, 2)
  })

  it('gives a failed result when no probe exists for a type', async () => {
    const [r] = await runProbes('api', [config()], probeContext(), {
      probeFor: () => {
        throw new Error('unknown type')
      },
    })
    assert.deepEqual([r?.ok, r?.detail, r?.attempts], [false, 'no probe of type "http"', 0])
  })

  it('uses the registry when no lookup is given', async () => {
    const port = await closedPort()
    const [r] = await runProbes(
      'db',
      [tcpProbeSchema.parse({ name: 'pg', type: 'tcp', host: '127.0.0.1', port })],
      probeContext(),
    )
    assert.deepEqual(
      [r?.service, r?.type, r?.ok, r?.detail],
      ['db', 'tcp', false, 'connection refused (ECONNREFUSED)'],
    )
  })

  it('returns an empty list when the service has no probes', async () => {
    assert.deepEqual(await runProbes('api', [], probeContext()), [])
  })
})
