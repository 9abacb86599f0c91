import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { describe, it } from 'node:test'
import { closedPort, startHttpReceiver } from '../../testing/http-receiver.ts'
import { probeContext, runProbeConformance } from '../../testing/probe.conformance.ts'
import { startSwitchableServer } from '../../testing/switchable-server.ts'
import { httpProbe } from './index.ts'
import { httpProbeSchema } from './schema.ts'

const config = (over: Record<string, unknown>) =>
  httpProbeSchema.parse({ name: 'health', type: 'http', ...over })

runProbeConformance({
  name: 'http',
  async createTarget() {
    const inner = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"status":"ok"}')
    })
    const server = await startSwitchableServer(inner)
    return {
      config: config({
        url: `http://127.0.0.1:${server.port}/healthz`,
        expect: { json: { '$.status': 'ok' } },
      }),
      set: (mode) => server.set(mode),
      close: () => server.close(),
    }
  },
})

describe('httpProbe', () => {
  it('passes with the status and a body excerpt when every condition holds', async () => {
    const rx = await startHttpReceiver({ status: 200, body: '{"status":"ok","db":"up"}' })
    try {
      const seen = await httpProbe.observe(
        config({
          url: `${rx.url}/healthz`,
          expect: { status: [200, 204], bodyContains: 'db', json: { '$.db': 'up' } },
        }),
        probeContext(),
      )
      assert.equal(seen.ok, true)
      assert.match(seen.detail, /^200 in \d+ ms$/)
      assert.deepEqual(seen.values, { status: 200, body: '{"status":"ok","db":"up"}' })
    } finally {
      await rx.close()
    }
  })

  it('fails naming every failed condition when the service answers badly', async () => {
    const rx = await startHttpReceiver({ status: 503, body: '{"status":"degraded"}' })
    try {
      const seen = await httpProbe.observe(
        config({ url: rx.url, expect: { json: { '$.status': 'ok' } } }),
        probeContext(),
      )
      assert.equal(seen.ok, false)
      assert.equal(seen.detail, 'status 503, expected 200; $.status is "degraded", expected "ok"')
      assert.deepEqual(seen.values, { status: 503, body: '{"status":"degraded"}' })
    } finally {
      await rx.close()
    }
  })

  it('sends the configured method, headers and body when asked to', async () => {
    const rx = await startHttpReceiver({ status: 201, body: '' })
    try {
      const seen = await httpProbe.observe(
        config({
          url: `${rx.url}/check`,
          method: 'POST',
          headers: { 'x-probe': 'yes' },
          body: 'ping',
          expect: { status: 201 },
        }),
        probeContext(),
      )
      assert.equal(seen.ok, true)
      const [req] = rx.requests
      assert.deepEqual(
        [req?.method, req?.path, req?.headers['x-probe'], req?.body],
        ['POST', '/check', 'yes', 'ping'],
      )
    } finally {
      await rx.close()
    }
  })

  it('fails on latency when the answer is slower than maxLatency', async () => {
    const slow = createServer((_req, res) => void setTimeout(() => res.end('ok'), 60))
    const server = await startSwitchableServer(slow)
    try {
      const seen = await httpProbe.observe(
        config({ url: `http://127.0.0.1:${server.port}/`, expect: { maxLatency: '10ms' } }),
        probeContext(),
      )
      assert.equal(seen.ok, false)
      assert.match(seen.detail, /^took \d+ ms, expected at most 10ms$/)
    } finally {
      await server.close()
    }
  })

  it('observes a refused connection as ok:false with the reason when nothing listens', async () => {
    const seen = await httpProbe.observe(
      config({ url: `http://127.0.0.1:${await closedPort()}/` }),
      probeContext(),
    )
    assert.deepEqual([seen.ok, seen.detail], [false, 'connection refused (ECONNREFUSED)'])
  })

  it('keeps only a short excerpt of the body when the body is large', async () => {
    const rx = await startHttpReceiver({ status: 200, body: 'x'.repeat(5000) })
    try {
      const seen = await httpProbe.observe(
        config({ url: rx.url, expect: { bodyContains: 'x' } }),
        probeContext(),
      )
      assert.equal(String(seen.values?.body).length, 200)
    } finally {
      await rx.close()
    }
  })
})
