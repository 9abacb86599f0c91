/**
 * @module The server on a real socket: health without a token, bearer auth, an event stream over TCP that close()
 * ends, HTTPS with a certificate, and refusal of a plain-HTTP bind beyond loopback.
 */
import { isRinaError } from '@rinawarp/engine'
import { selfSignedCertificate } from '@rinawarp/engine/testing'
import assert from 'node:assert/strict'
import { get } from 'node:https'
import { afterEach, describe, it } from 'node:test'
import type { RunningServer } from './start.ts'
import { startServer } from './start.ts'
import type { Harness } from './testing/harness.ts'
import { harness } from './testing/harness.ts'
import { readFrames } from './testing/sse-reader.ts'

let h: Harness | null = null
let running: RunningServer | null = null
afterEach(async () => {
  await running?.close()
  await h?.close()
  running = null
  h = null
})

describe('startServer', () => {
  it('serves health without a token and the API with one on 127.0.0.1', async () => {
    h = await harness()
    running = await startServer({ fetch: h.server.fetch, port: 0 })
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/)
    const health = await fetch(`${running.url}/api/health`)
    assert.deepEqual(await health.json(), { ok: true, version: '0.1.0' })
    assert.equal((await fetch(`${running.url}/api/v1/status`)).status, 401)
    const me = await fetch(`${running.url}/api/v1/me`, {
      headers: { authorization: `Bearer ${h.tokens.viewer}` },
    })
    assert.equal(((await me.json()) as { user: string }).user, 'viewer@example.com')
  })

  it('delivers journal events over a real connection and ends the stream when closed', async () => {
    h = await harness()
    running = await startServer({ fetch: h.server.fetch, port: 0 })
    const res = await fetch(`${running.url}/api/v1/events`, {
      headers: { authorization: `Bearer ${h.tokens.viewer}` },
    })
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/)
    const s = readFrames(res)
    await s.until((f) => f.some((x) => x.event === 'live'))
    await h.call('POST', '/api/v1/freeze/enable', { body: { env: 'staging', reason: 'incident 7' } })
    const frames = await s.until((f) => f.some((x) => x.event === 'journal'))
    assert.equal(JSON.parse(frames.find((f) => f.event === 'journal')!.data).type, 'freeze.enabled')
    await h.close()
    await running.close()
    await s.done
  })

  it('serves HTTPS when a certificate and key are given', async () => {
    h = await harness()
    const cert = await selfSignedCertificate(2)
    running = await startServer({ fetch: h.server.fetch, port: 0, tls: cert })
    assert.match(running.url, /^https:/)
    const body = await new Promise<string>((resolve, reject) => {
      get(`${running!.url}/api/health`, { ca: cert.cert }, (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => resolve(text))
      }).on('error', reject)
    })
    assert.deepEqual(JSON.parse(body), { ok: true, version: '0.1.0' })
  })

  it('refuses a plain-HTTP bind beyond loopback unless told a proxy terminates TLS', async () => {
    await assert.rejects(
      startServer({ fetch: () => new Response('x'), host: '0.0.0.0', port: 0 }),
      (e) => isRinaError(e, 'USAGE') && /clear text/.test(e.message),
    )
    running = await startServer({
      fetch: () => new Response('x'),
      host: '0.0.0.0',
      port: 0,
      allowPlainHttp: true,
    })
    assert.match(running.url, /^http:\/\/0\.0\.0\.0:/)
  })

  it('reports USAGE with a hint when the port is taken', async () => {
    running = await startServer({ fetch: () => new Response('x'), port: 0 })
    await assert.rejects(startServer({ fetch: () => new Response('x'), port: running.port }), (e) =>
      isRinaError(e, 'USAGE'),
    )
  })
})
