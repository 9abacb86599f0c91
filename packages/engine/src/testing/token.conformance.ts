/**
 * @module The API token conformance suite every store kind runs: create, list without loss, lookup by hash,
 * revocation (idempotent, keeps the first time), unknown ids, duplicate refusal and a sibling instance's view.
 */
import assert from 'node:assert/strict'
import { describe } from 'node:test'
import { isRinaError } from '../errors.ts'
import type { TokenRecord } from '../store/types.ts'
import type { StoreSuiteOptions } from './journal.conformance.ts'
import { NO_SIBLING, caseRunner, withSibling } from './journal.conformance.ts'

const hex = (n: number) => n.toString(16).padStart(64, '0')

/** A token record with only the fields a case cares about given. */
export const tokenRecord = (n: number, over: Partial<TokenRecord> = {}): TokenRecord => ({
  id: `tok_${n}`,
  user: `user${n}@example.com`,
  role: 'viewer',
  hash: hex(n),
  createdAt: `2026-01-05T10:00:0${n % 10}.000Z`,
  createdBy: 'human:admin@example.com',
  revokedAt: null,
  ...over,
})

export function runTokenConformance(opts: StoreSuiteOptions): void {
  const skip: Record<string, string> = { ...opts.skip }
  if (!opts.sibling) skip['sees tokens made by another instance when it looks them up'] ??= NO_SIBLING
  const test = caseRunner({ ...opts, skip })

  describe(`token conformance: ${opts.name}`, { skip: skip['*'] ?? false }, () => {
    test('lists nothing when no token was made', async ({ tokens }) => {
      assert.deepEqual(await tokens.list(), [])
      assert.equal(await tokens.findByHash(hex(1)), null)
    })

    test('returns every field as stored when a token is created and listed', async ({ tokens }) => {
      const admin = tokenRecord(1, { role: 'admin', user: 'ana@example.com' })
      await tokens.create(admin)
      await tokens.create(tokenRecord(2, { role: 'deployer' }))
      await tokens.create(tokenRecord(3, { role: 'approver' }))
      const list = await tokens.list()
      assert.deepEqual(
        list.map((t) => [t.id, t.role]),
        [
          ['tok_1', 'admin'],
          ['tok_2', 'deployer'],
          ['tok_3', 'approver'],
        ],
      )
      assert.deepEqual(list[0], admin)
    })

    test('finds a token by the hash of its secret and nothing for another hash', async ({ tokens }) => {
      await tokens.create(tokenRecord(7, { role: 'deployer' }))
      assert.deepEqual(await tokens.findByHash(hex(7)), tokenRecord(7, { role: 'deployer' }))
      assert.equal(await tokens.findByHash(hex(8)), null)
    })

    test('stamps revokedAt and keeps the record when a token is revoked', async ({ tokens }) => {
      await tokens.create(tokenRecord(1))
      const at = '2026-01-06T08:00:00.000Z'
      assert.deepEqual(await tokens.revoke('tok_1', at), tokenRecord(1, { revokedAt: at }))
      assert.equal((await tokens.findByHash(hex(1)))?.revokedAt, at)
      assert.equal((await tokens.list()).length, 1)
    })

    test('keeps the first revocation time when a token is revoked twice', async ({ tokens }) => {
      await tokens.create(tokenRecord(1))
      await tokens.revoke('tok_1', '2026-01-06T08:00:00.000Z')
      const again = await tokens.revoke('tok_1', '2026-01-07T08:00:00.000Z')
      assert.equal(again?.revokedAt, '2026-01-06T08:00:00.000Z')
    })

    test('returns null and changes nothing when the id to revoke is unknown', async ({ tokens }) => {
      await tokens.create(tokenRecord(1))
      assert.equal(await tokens.revoke('tok_9', '2026-01-06T08:00:00.000Z'), null)
      assert.equal((await tokens.findByHash(hex(1)))?.revokedAt, null)
    })

    test('refuses a second token when its id or hash is already stored', async ({ tokens }) => {
      await tokens.create(tokenRecord(1))
      await assert.rejects(tokens.create(tokenRecord(1, { hash: hex(99) })), (e) =>
        isRinaError(e, 'INTERNAL'),
      )
      await assert.rejects(tokens.create(tokenRecord(2, { hash: hex(1) })), (e) => isRinaError(e, 'INTERNAL'))
      assert.equal((await tokens.list()).length, 1)
    })

    test('sees tokens made by another instance when it looks them up', async (store) => {
      await withSibling(opts, store, async (other) => {
        await other.tokens.create(tokenRecord(4, { role: 'admin' }))
        assert.equal((await store.tokens.findByHash(hex(4)))?.role, 'admin')
        await store.tokens.revoke('tok_4', '2026-01-06T08:00:00.000Z')
        assert.equal((await other.tokens.findByHash(hex(4)))?.revokedAt, '2026-01-06T08:00:00.000Z')
      })
    })
  })
}
