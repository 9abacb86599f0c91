/**
 * @module The PostgreSQL store (a throwaway schema per case) runs the shared outbox conformance suite; a schema
 * whose outbox predates lease tokens gains them when opened.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import pg from 'pg'
import { countingIds } from '../../testing/fakes.ts'
import { runOutboxConformance } from '../../testing/outbox.conformance.ts'
import type { Store } from '../types.ts'
import { createPostgresStore } from './index.ts'
import {
  dropSchema,
  pgSuiteSkip,
  TEST_PG_URL,
  throwawaySchemaName,
  throwawayStore,
  type ThrowawayStore,
} from './throwaway.ts'

const skip = await pgSuiteSkip()

runOutboxConformance({
  name: 'postgres',
  create: () => throwawayStore(),
  sibling: (store: Store) => (store as ThrowawayStore).sibling(),
  skip,
})

describe('postgres outbox of an older schema', { skip: skip['*'] ?? false }, () => {
  it('adds the lease token column and leases the items it already holds when opened', async () => {
    const schema = throwawaySchemaName()
    const client = new pg.Client({ connectionString: TEST_PG_URL })
    await client.connect()
    try {
      const s = pg.escapeIdentifier(schema)
      await client.query(`CREATE SCHEMA ${s};
        CREATE TABLE ${s}.outbox (
          id TEXT PRIMARY KEY, ord BIGSERIAL, channel TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE,
          body TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at BIGINT NOT NULL, lease_until BIGINT, last_error TEXT, created_at BIGINT NOT NULL,
          updated_at BIGINT NOT NULL);
        INSERT INTO ${s}.outbox (id, channel, idempotency_key, body, status, attempts, next_attempt_at, lease_until,
          created_at, updated_at) VALUES ('item-1', 'ops', 'ntf-1:ops', '{}', 'pending', 1, 0, 50, 0, 0);`)
    } finally {
      await client.end()
    }
    const open = () =>
      createPostgresStore({ url: TEST_PG_URL, schema, ids: countingIds('evt').ids, poolSize: 2 })
    const [store, second] = [await open(), await open()]
    try {
      const [a] = await store.outbox.claim(10, 100, 1_000)
      assert.equal(a?.attempts, 2)
      assert.equal(await store.outbox.settle(a!, { kind: 'delivered' }, 101), true)
      assert.equal((await second.outbox.get('item-1'))?.status, 'delivered')
    } finally {
      await Promise.all([store.close(), second.close()])
      await dropSchema(schema)
    }
  })
})
