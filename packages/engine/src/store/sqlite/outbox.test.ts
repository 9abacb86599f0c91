/** @module The SQLite store (a temporary database file per case) runs the shared outbox conformance suite. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after } from 'node:test'
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
