/** @module Token routes: an admin makes a token that works at once, lists it without secret, revokes it. */
import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import type { Harness } from '../testing/harness.ts'
import { harness } from '../testing/harness.ts'

let h: Harness
afterEach(() => h.close())

describe('token routes', () => {
  it('makes a working token, lists it without its secret, and it stops working once revoked', async () => {
    h = await harness()
    const made = await h.call('POST', '/api/v1/tokens', {
      body: { user: 'cy@example.com', role: 'deployer' },
    })
    assert.equal(made.status, 201)
    const { secret, token } = (await made.json()) as { secret: string; token: { id: string } }
    const me = await h.call('GET', '/api/v1/me', { token: secret })
    assert.deepEqual(await me.json(), { user: 'cy@example.com', role: 'deployer', tokenId: token.id })

    const listed = await (await h.call('GET', '/api/v1/tokens')).text()
    assert.ok(listed.includes(token.id))
    assert.ok(!listed.includes(secret) && !listed.includes('"hash"'))

    const del = await h.call('DELETE', `/api/v1/tokens/${token.id}`)
    assert.deepEqual(((await del.json()) as { changed: boolean }).changed, true)
    assert.equal((await h.call('GET', '/api/v1/me', { token: secret })).status, 401)

    const events = await h.ctx.journal.query({ types: ['token.*'] })
    assert.deepEqual(
      events.slice(-2).map((e) => [e.type, e.actor.id]),
      [
        ['token.created', 'admin@example.com'],
        ['token.revoked', 'admin@example.com'],
      ],
    )
    assert.ok(!JSON.stringify(events).includes(secret))
  })

  it('answers 404 when the token to revoke does not exist', async () => {
    h = await harness()
    assert.equal((await h.call('DELETE', '/api/v1/tokens/tok_404')).status, 404)
  })
})
