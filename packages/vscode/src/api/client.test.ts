/**
 * @module The API client against the real server app (Hono's request, no socket) and a port nobody listens on:
 * answers are values; a denial keeps the server's code, message and reasons; the event stream is readable.
 */
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { afterEach, describe, it } from 'node:test'
import type { Harness } from '../../../server/src/testing/harness.ts'
import { harness } from '../../../server/src/testing/harness.ts'
import { ApiClient } from './client.ts'
import { readSse } from './sse.ts'
import type { EnvStatus, StartedRun } from './types.ts'

let h: Harness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

const clientOf = (hh: Harness, token: string | null) =>
  new ApiClient({
    baseUrl: 'http://rina.test/',
    token,
    fetch: async (url, init) => hh.server.request(url, init),
  })

const deadPort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

describe('ApiClient', () => {
  it('reads the status of every environment when the token is valid', async () => {
    h = await harness()
    const res = await clientOf(h, h.tokens.viewer).get<{ environments: EnvStatus[] }>('/api/v1/status')
    assert.ok(res.ok)
    assert.deepEqual(
      res.value.environments.map((e) => e.env),
      ['staging', 'production'],
    )
  })

  it('returns the gate denial with its reasons when production lacks an approval', async () => {
    h = await harness()
    const res = await clientOf(h, h.tokens.deployer).post<StartedRun>('/api/v1/deploys', {
      env: 'production',
      release: '1.0.0',
    })
    assert.equal(res.ok, false)
    if (res.ok) return
    assert.equal(res.problem.status, 403)
    assert.equal(res.problem.code, 'GATE_DENIED')
    assert.ok(Array.isArray(res.problem.details) && res.problem.details.length > 0)
  })

  it('returns UNAUTHENTICATED as a value when no token is set', async () => {
    h = await harness()
    const res = await clientOf(h, null).get('/api/v1/me')
    assert.deepEqual(res.ok ? null : [res.problem.status, res.problem.code], [401, 'UNAUTHENTICATED'])
  })

  it('returns a NETWORK problem and alive() false when nothing listens', async () => {
    const c = new ApiClient({ baseUrl: `http://127.0.0.1:${await deadPort()}`, token: 'rwd_x' })
    assert.equal(await c.alive(), false)
    const res = await c.get('/api/v1/status')
    assert.equal(res.ok ? null : res.problem.code, 'NETWORK')
  })

  it('streams journal events of a run when following its events link', async () => {
    h = await harness()
    const c = clientOf(h, h.tokens.deployer)
    const started = await c.post<StartedRun>('/api/v1/deploys', { env: 'staging', release: '1.0.0' })
    assert.ok(started.ok)
    const abort = new AbortController()
    const res = await c.stream(started.value.links.events, abort.signal)
    assert.ok(res.ok)
    const types: string[] = []
    for await (const f of readSse(res.value)) {
      if (f.event !== 'journal') continue
      types.push((JSON.parse(f.data) as { type: string }).type)
      if (types.at(-1) === 'deploy.succeeded') break
    }
    abort.abort()
    assert.equal(types[0], 'deploy.started')
    assert.equal(types.at(-1), 'deploy.succeeded')
  })
})
