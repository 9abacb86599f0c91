/** @module The panel page: a strict policy that frames only the server, a nonce'd script, the token in the fragment. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contentSecurityPolicy, dashboardUrl, panelHtml } from './panel-html.ts'

describe('panelHtml', () => {
  const html = panelHtml({ serverUrl: 'http://127.0.0.1:7070/', token: 'rwd_abc', nonce: 'n0nce' })

  it('frames only the server origin and runs only the nonce script when rendered', () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:7070/', 'n0nce')
    assert.equal(
      csp,
      "default-src 'none'; frame-src http://127.0.0.1:7070; script-src 'nonce-n0nce'; style-src 'nonce-n0nce'; " +
        "base-uri 'none'; form-action 'none'",
    )
    assert.ok(html.includes(`content="${csp.replaceAll("'", '&#39;')}"`))
    assert.equal((html.match(/<script/g) ?? []).length, 1)
    assert.match(html, /<script nonce="n0nce">/)
  })

  it('passes the token in the URL fragment, never the query, when a token is set', () => {
    assert.equal(
      dashboardUrl({ serverUrl: 'http://127.0.0.1:7070', token: 'rwd_abc' }),
      'http://127.0.0.1:7070/#token=rwd_abc',
    )
    assert.ok(html.includes('src="http://127.0.0.1:7070/#token=rwd_abc"'))
  })

  it('escapes what it writes into attributes when values carry quotes', () => {
    const page = panelHtml({ serverUrl: 'http://h:1', token: null, nonce: '"><x' })
    assert.ok(!page.includes('"><x'))
  })
})
