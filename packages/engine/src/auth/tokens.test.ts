/** @module Token commands over the memory store: made, shown once, hashed, journaled, listed, revoked, checked. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { agentActor } from '../domain/actor.ts'
import { isRinaError } from '../errors.ts'
import { testContext } from '../testing/context.ts'
import { authenticate, createToken, hashToken, listTokens, revokeToken } from './tokens.ts'

const fixedRandom = (n: number) => new Uint8Array(n).fill(7)

describe('api tokens', () => {
  it('returns an rwd_ secret once and stores only its SHA-256 when a token is made', async () => {
    const ctx = testContext()
    const { secret, token } = await createToken(
      ctx,
      { user: 'bo@example.com', role: 'deployer' },
      fixedRandom,
    )
    assert.match(secret, /^rwd_[A-Za-z0-9_-]{43}$/)
    const [stored] = await ctx.store.tokens.list()
    assert.equal(stored!.hash, hashToken(secret))
    assert.ok(!JSON.stringify(stored).includes(secret.slice(4)))
    assert.deepEqual(token, {
      id: stored!.id,
      user: 'bo@example.com',
      role: 'deployer',
      createdAt: '2026-01-05T10:00:00.000Z',
      createdBy: 'human:ana@example.com',
      revokedAt: null,
    })
  })

  it('journals token.created without the secret when a token is made', async () => {
    const ctx = testContext()
    const { secret, token } = await createToken(ctx, { user: 'bo', role: 'admin' })
    const [e] = await ctx.journal.all()
    assert.equal(e!.type, 'token.created')
    assert.deepEqual(e!.payload, { tokenId: token.id, user: 'bo', role: 'admin' })
    assert.ok(!JSON.stringify(e).includes(secret))
    assert.ok(!JSON.stringify(e).includes(hashToken(secret)))
  })

  it('lists tokens without hash or secret', async () => {
    const ctx = testContext()
    await createToken(ctx, { user: 'bo', role: 'viewer' })
    const [t] = await listTokens(ctx)
    assert.ok(t && !('hash' in t))
  })

  it('refuses with USAGE when the role or user name is not valid', async () => {
    const ctx = testContext()
    await assert.rejects(createToken(ctx, { user: 'bo', role: 'root' }), (e) => isRinaError(e, 'USAGE'))
    await assert.rejects(createToken(ctx, { user: 'b o', role: 'viewer' }), (e) => isRinaError(e, 'USAGE'))
    assert.deepEqual(await ctx.journal.all(), [])
  })

  it('refuses with GATE_DENIED when an agent tries to make a token', async () => {
    const ctx = testContext({ actor: agentActor('health') })
    await assert.rejects(createToken(ctx, { user: 'bo', role: 'admin' }), (e) =>
      isRinaError(e, 'GATE_DENIED'),
    )
  })

  it('authenticates a valid token and names the failure when missing, malformed, unknown or revoked', async () => {
    const ctx = testContext()
    const { secret, token } = await createToken(ctx, { user: 'bo', role: 'approver' })
    assert.equal((await authenticate(ctx.store.tokens, `Bearer ${secret}`)).user, 'bo')
    const fails = async (header: string | undefined, words: RegExp) =>
      assert.rejects(authenticate(ctx.store.tokens, header), (e) => {
        assert.ok(isRinaError(e, 'UNAUTHENTICATED'))
        assert.match(e.message, words)
        return true
      })
    await fails(undefined, /no API token/)
    await fails(`Basic ${secret}`, /not "Bearer/)
    await fails('Bearer abc', /starts with "rwd_"/)
    await fails(`Bearer ${secret}x`, /not known/)
    await revokeToken(ctx, token.id)
    await fails(`Bearer ${secret}`, /revoked at 2026-01-05T10:00:00.000Z/)
  })

  it('journals token.revoked once and reports no change when a token is revoked again', async () => {
    const ctx = testContext()
    const { token } = await createToken(ctx, { user: 'bo', role: 'viewer' })
    assert.equal((await revokeToken(ctx, token.id)).changed, true)
    assert.equal((await revokeToken(ctx, token.id)).changed, false)
    const types = (await ctx.journal.all()).map((e) => e.type)
    assert.deepEqual(types, ['token.created', 'token.revoked'])
  })

  it('rejects with NOT_FOUND when the token id to revoke is unknown', async () => {
    await assert.rejects(revokeToken(testContext(), 'tok_x'), (e) => isRinaError(e, 'NOT_FOUND'))
  })
})
