/** @module The PostgreSQL store for shared, multi-instance setups: journal, outbox, locks and tokens in one schema. */
import type { Store } from '../types.ts'
import { createPostgresHeartbeats } from './heartbeats.ts'
import { createPostgresJournal } from './journal.ts'
import { listen, type EventListener } from './listen.ts'
import { createPostgresLocks } from './locks.ts'
import { openPostgres, type PostgresOptions } from './open.ts'
import { createPostgresOutbox } from './outbox.ts'
import { createPostgresProbes } from './probes.ts'
import { createPostgresRunLogs } from './run-logs.ts'
import { createPostgresSnapshots } from './snapshots.ts'
import { createPostgresTokens } from './tokens.ts'

export type { EventListener } from './listen.ts'
export type { PostgresOptions } from './open.ts'

export interface PostgresStore extends Store {
  /** Calls onSeq with the new head seq after each committed append, from this or any other instance. */
  listen(onSeq: (seq: number) => void, opts?: { onError?: (err: unknown) => void }): Promise<EventListener>
}

export async function createPostgresStore(
  opts: PostgresOptions & { ids: () => string },
): Promise<PostgresStore> {
  const { pool, tables } = await openPostgres(opts)
  const channel = opts.channel ?? 'rina_events'
  let closing: Promise<void> | null = null
  return {
    kind: 'postgres',
    journal: createPostgresJournal({ pool, tables, url: opts.url, channel, ids: opts.ids }),
    outbox: createPostgresOutbox(pool, tables, opts.url),
    locks: createPostgresLocks(pool, tables, opts.url),
    tokens: createPostgresTokens(pool, tables, opts.url),
    probes: createPostgresProbes(pool, tables, opts.url),
    runLogs: createPostgresRunLogs(pool, tables, opts.url),
    heartbeats: createPostgresHeartbeats(pool, tables, opts.url),
    snapshots: createPostgresSnapshots(pool, tables, opts.url),
    listen: (onSeq, more = {}) => listen(onSeq, { url: opts.url, channel, ...more }),
    close() {
      closing ??= pool.end()
      return closing
    },
  }
}
