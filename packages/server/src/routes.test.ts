/**
 * @module Every route, mechanically from the route table: 401 without, with an unknown and with a revoked token;
 * 403 for the role just below the route's; 400 with field errors for invalid input. None of it reaches a command.
 */
import type { Role } from '@rinawarp/engine'
import { ROLES, revokeToken, createToken } from '@rinawarp/engine'
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { takesInput } from './route.ts'
import { ROUTES } from './routes/index.ts'
import type { Harness } from './testing/harness.ts'
import { harness } from './testing/harness.ts'
import { ROUTE_CASES } from './testing/route-cases.ts'

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`
const below = (role: Role): Role => ROLES[ROLES.indexOf(role) - 1]!

async function expectError(res: Response, status: number, code: string) {
  const body = (await res.json()) as { error: { code: string; message: string; details: unknown } }
  assert.equal(res.status, status, JSON.stringify(body))
  assert.equal(body.error.code, code)
  return body.error
}

describe('api routes', () => {
  let h: Harness
  let revoked: string
  let headBefore = 0
  before(async () => {
    h = await harness()
    const made = await createToken(h.ctx, { user: 'gone@example.com', role: 'admin' })
    await revokeToken(h.ctx, made.token.id)
    revoked = made.secret
    headBefore = (await h.ctx.store.journal.head()).seq
  })
  after(() => h.close())

  it('has a request case for every route and none for a route that does not exist', () => {
    const routes = ROUTES.map(key)
    assert.deepEqual(
      routes.filter((k) => !ROUTE_CASES[k]),
      [],
    )
    assert.deepEqual(
      Object.keys(ROUTE_CASES).filter((k) => !routes.includes(k)),
      [],
    )
    for (const r of ROUTES) assert.equal(Boolean(ROUTE_CASES[key(r)]!.invalid), takesInput(r), key(r))
  })

  for (const r of ROUTES) {
    const c = ROUTE_CASES[key(r)]
    describe(key(r), () => {
      if (!c) return
      const send = (token: string | null, req = c.valid) =>
        h.call(r.method, req.path, {
          token,
          ...(req.body !== undefined ? { body: req.body } : {}),
          ...(req.headers ? { headers: req.headers } : {}),
        })

      if (!r.auth) {
        it('answers without a token', async () => {
          assert.equal((await send(null)).status, 200)
        })
        return
      }

      it('answers 401 when no token is sent', async () => {
        await expectError(await send(null), 401, 'UNAUTHENTICATED')
      })

      it('answers 401 when the token is unknown', async () => {
        await expectError(await send('rwd_not-a-real-token'), 401, 'UNAUTHENTICATED')
      })

      it('answers 401 when the token was revoked', async () => {
        const e = await expectError(await send(revoked), 401, 'UNAUTHENTICATED')
        assert.match(e.message, /revoked/)
      })

      if (r.role !== 'viewer') {
        it(`answers 403 when the caller's role is below ${r.role}`, async () => {
          const e = await expectError(await send(h.tokens[below(r.role)]), 403, 'FORBIDDEN')
          assert.deepEqual(e.details, { need: r.role, have: below(r.role) })
        })
      }

      if (c.invalid) {
        it('answers 400 with field errors when the input is invalid', async () => {
          const e = await expectError(await send(h.tokens[r.role], c.invalid), 400, 'USAGE')
          const fields = e.details as { in: string; path: string; message: string }[]
          assert.ok(Array.isArray(fields) && fields.length > 0)
          for (const f of fields) {
            assert.ok(['path', 'query', 'body', 'header'].includes(f.in))
            assert.equal(typeof f.message, 'string')
          }
        })
      }
    })
  }

  it('appends nothing to the journal when requests are refused', async () => {
    assert.equal((await h.ctx.store.journal.head()).seq, headBefore)
    assert.deepEqual(h.errors, [])
  })
})
