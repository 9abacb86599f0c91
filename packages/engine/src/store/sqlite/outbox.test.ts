/**
 * @module The SQLite store (a temporary database file per case) runs the shared outbox conformance suite; a
 * database whose outbox predates lease tokens gains them when opened.
 */
import Database from 'better-sqlite3'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { countingIds } from '../../testing/fakes.ts'
import { runOutboxConformance } from '../../testing/outbox.conformance.ts'
import type { Store } from '../types.ts'
import { createSqliteStore } from './index.ts'

const dir = mkdtempSync(join(tmpdir(), 'rina-sqlite-outbox-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const paths = new WeakMap<Store, string>()
const ids = countingIds('evt').ids
let n = 0

const create = (): Store => {
  const path = join(dir, `outbox-${++n}.db`)
  const store = createSqliteStore({ path, ids, synchronous: 'normal' })
  paths.set(store, path)
  return store
}
/** A second connection to the same file, as another process would open it. */
const sibling = (store: Store): Store =>
  createSqliteStore({ path: paths.get(store)!, ids, synchronous: 'normal' })

runOutboxConformance({ name: 'sqlite', create, sibling })

describe('sqlite outbox of an older database', () => {
  it('adds the lease token column and leases the items it already holds when opened', async () => {
    const path = join(dir, 'older.db')
    const old = new Database(path)
    old.exec(`CREATE TABLE outbox (
      id TEXT PRIMARY KEY, channel TEXT NOT NULL, idempotency_key TEXT NOT NULL UNIQUE, body TEXT NOT NULL,
      status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL,
      lease_until INTEGER, last_error TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
      INSERT INTO outbox VALUES ('item-1', 'ops', 'ntf-1:ops', '{}', 'pending', 1, 0, 50, NULL, 0, 0);`)
    old.close()
    const store = createSqliteStore({ path, ids, synchronous: 'normal' })
    const second = createSqliteStore({ path, ids, synchronous: 'normal' })
    try {
      const [a] = await store.outbox.claim(10, 100, 1_000)
      assert.equal(a?.attempts, 2)
      assert.equal(await store.outbox.settle(a!, { kind: 'delivered' }, 101), true)
      assert.equal((await second.outbox.get('item-1'))?.status, 'delivered')
    } finally {
      await Promise.all([store.close(), second.close()])
    }
  })
})
