/** @module Streams one range of stored events from SQLite into a ChainVerifier. */
import type { ChainVerifier } from '../../journal/chain.ts'
import type { Db } from './open.ts'
import type { EventRow } from './rows.ts'
import { EVENT_COLUMNS, eventFromRow } from './rows.ts'

export function verifySqliteRange(
  db: Db,
  v: ChainVerifier,
  fromSeq: number,
  toSeq: number,
  progress: (verified: number) => void,
): void {
  const stmt = db
    .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE seq >= ? AND seq <= ? ORDER BY seq`)
    .raw()
  let n = 0
  for (const r of stmt.iterate(fromSeq, toSeq) as IterableIterator<EventRow>) {
    const ok = v.push(eventFromRow(r))
    if (!ok) break
    if (++n % 50_000 === 0) progress(v.verified)
  }
}
