/**
 * @module The dashboard served by the API app: the page and its hashed assets without a token, a strict CSP that
 * VS Code webviews may frame, ETag revalidation, gzip, and a bundle kept under its size budget.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { gzipSync } from 'node:zlib'
import type { Harness } from '../testing/harness.ts'
import { harness } from '../testing/harness.ts'
import { DASHBOARD_CSP, dashboardCsp, FRAME_ANCESTOR } from './assets.ts'

/** Budget for the whole bundle (JS + CSS), gzipped. */
const BUDGET_GZIP_BYTES = 120 * 1024

describe('dashboard assets', () => {
  let h: Harness
  let html = ''
  before(async () => {
    h = await harness()
    html = await (await h.call('GET', '/', { token: null })).text()
  })
  after(() => h.close())

  const assetPaths = () =>
    [...html.matchAll(/(?:src|href)="(assets\/app\.[0-9a-f]{12}\.(?:js|css))"/g)].map((m) => m[1]!)

  it('serves the page without a token, with a CSP that allows no inline script and VS Code webview framing', async () => {
    const res = await h.call('GET', '/', { token: null })
    assert.equal(res.status, 200)
    assert.match(res.headers.get('content-type')!, /^text\/html/)
    const csp = res.headers.get('content-security-policy')!
    assert.match(csp, /default-src 'self'/)
    assert.match(csp, /script-src 'self'(;|$)/)
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/)
    assert.match(csp, /frame-ancestors 'self' vscode-webview:/)
    assert.equal(res.headers.get('cache-control'), 'no-cache')
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g))
      assert.match(tag, /\ssrc="assets\//, 'no inline script')
    assert.deepEqual(
      assetPaths()
        .map((p) => p.split('.').pop())
        .sort(),
      ['css', 'js'],
    )
  })

  it('serves the hashed JS and CSS as immutable when asked by path', async () => {
    for (const path of assetPaths()) {
      const res = await h.call('GET', `/${path}`, { token: null })
      assert.equal(res.status, 200, path)
      assert.match(
        res.headers.get('content-type')!,
        path.endsWith('.js') ? /^text\/javascript/ : /^text\/css/,
      )
      assert.match(res.headers.get('cache-control')!, /immutable/)
      assert.ok((await res.arrayBuffer()).byteLength > 0)
    }
  })

  it('answers 304 when the ETag matches and gzip when the client accepts it', async () => {
    const [js] = assetPaths().filter((p) => p.endsWith('.js'))
    const first = await h.call('GET', `/${js}`, { token: null })
    const etag = first.headers.get('etag')!
    const again = await h.call('GET', `/${js}`, { token: null, headers: { 'if-none-match': etag } })
    assert.equal(again.status, 304)
    const gz = await h.call('GET', `/${js}`, { token: null, headers: { 'accept-encoding': 'gzip, br' } })
    assert.equal(gz.headers.get('content-encoding'), 'gzip')
    assert.notEqual(gz.headers.get('etag'), etag)
  })

  it('answers 404 when an asset does not exist and leaves the API behind its token', async () => {
    const res = await h.call('GET', '/assets/app.000000000000.js', { token: null })
    assert.equal(res.status, 404)
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'NOT_FOUND')
    assert.equal((await h.call('GET', '/api/v1/status', { token: null })).status, 401)
  })

  it('keeps the bundle under its gzip budget when built minified', async () => {
    let total = 0
    const sizes: Record<string, number> = {}
    for (const path of assetPaths()) {
      const body = new Uint8Array(await (await h.call('GET', `/${path}`, { token: null })).arrayBuffer())
      sizes[path.split('.').pop()!] = gzipSync(body, { level: 9 }).byteLength
      total += sizes[path.split('.').pop()!]!
    }
    console.log(`dashboard bundle gzip: js ${sizes.js} B, css ${sizes.css} B, total ${total} B`)
    assert.ok(total < BUDGET_GZIP_BYTES, `bundle is ${total} B gzipped; the budget is ${BUDGET_GZIP_BYTES} B`)
    assert.deepEqual(h.errors, [])
  })
})

describe('dashboardCsp', () => {
  it('adds extra frame ancestors after itself and VS Code webviews when asked', () => {
    assert.match(
      dashboardCsp(['http://127.0.0.1:8123']),
      /frame-ancestors 'self' vscode-webview: http:\/\/127\.0\.0\.1:8123(;|$)/,
    )
    assert.equal(dashboardCsp([]), DASHBOARD_CSP)
  })
  it('accepts origins only as --frame-ancestor values', () => {
    for (const ok of ['http://127.0.0.1:8123', 'https://code.example.com', 'http://localhost:*'])
      assert.match(ok, FRAME_ANCESTOR)
    for (const bad of ["http://x'; script-src *", 'javascript:alert(1)', 'http://a.com/path'])
      assert.doesNotMatch(bad, FRAME_ANCESTOR)
  })
})
