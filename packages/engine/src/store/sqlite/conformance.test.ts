/** @module The SQLite store (a temporary database file per case) runs the shared journal, lock, token, probe history, heartbeat, run log and snapshot suites. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after } from 'node:test'
import { runHeartbeatConformance } from '../../testing/heartbeat.conformance.ts'
import { runJournalConformance } from '../../testing/journal.conformance.ts'
import { runLockConformance } from '../../testing/lock.conformance.ts'
import { runProbeHistoryConformance } from '../../testing/probe-history.conformance.ts'
import { runRunLogConformance } from '../../testing/run-log.conformance.ts'
import { runSnapshotConformance } from '../../testing/snapshot.conformance.ts'
import { runTokenConformance } from '../../testing/token.conformance.ts'
import { countingIds } from '../../testing/fakes.ts'
import type { Store } from '../types.ts'
import { createSqliteStore } from './index.ts'

const dir = mkdtempSync(join(tmpdir(), 'rina-sqlite-conformance-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const paths = new WeakMap<Store, string>()
let n = 0
const ids = countingIds('evt').ids

const create = (): Store => {
  const path = join(dir, `state-${++n}.db`)
  const store = createSqliteStore({ path, ids, synchronous: 'normal' })
  paths.set(store, path)
  return store
}
/** A second connection to the same file, as another process would open it. */
const sibling = (store: Store): Store =>
  createSqliteStore({ path: paths.get(store)!, ids, synchronous: 'normal' })

runJournalConformance({ name: 'sqlite', create, sibling })
runLockConformance({ name: 'sqlite', create, sibling })
runTokenConformance({ name: 'sqlite', create, sibling })
runProbeHistoryConformance({ name: 'sqlite', create, sibling })
runRunLogConformance({ name: 'sqlite', create, sibling })
runHeartbeatConformance({ name: 'sqlite', create, sibling })
runSnapshotConformance({ name: 'sqlite', create, sibling })
