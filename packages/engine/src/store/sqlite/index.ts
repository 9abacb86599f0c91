/** @module The SQLite store (embedded default): journal, outbox, locks and tokens in one WAL database file. */
import type { Store } from '../types.ts'
import { createSqliteHeartbeats } from './heartbeats.ts'
import { createSqliteJournal } from './journal.ts'
import { createSqliteLocks } from './locks.ts'
import { openSqlite, type SqliteOptions } from './open.ts'
import { createSqliteOutbox } from './outbox.ts'
import { createSqliteProbes } from './probes.ts'
import { createSqliteRunLogs } from './run-logs.ts'
import { createSqliteSnapshots } from './snapshots.ts'
import { createSqliteTokens } from './tokens.ts'

export function createSqliteStore(opts: SqliteOptions & { ids: () => string }): Store {
  const db = openSqlite(opts)
  return {
    kind: 'sqlite',
    journal: createSqliteJournal(db, opts.ids),
    outbox: createSqliteOutbox(db),
    locks: createSqliteLocks(db),
    tokens: createSqliteTokens(db),
    probes: createSqliteProbes(db),
    runLogs: createSqliteRunLogs(db),
    heartbeats: createSqliteHeartbeats(db),
    snapshots: createSqliteSnapshots(db),
    async close() {
      db.close()
    },
  }
}
