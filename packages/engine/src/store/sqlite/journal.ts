/** @module SQLite journal: appends in an IMMEDIATE transaction so concurrent processes serialize on the head. */
import type { EventDraft } from '../../domain/events.ts'
import { RinaError } from '../../errors.ts'
import type { Head, StoredEvent } from '../../journal/chain.ts'
import type { EventRow } from './rows.ts'
import { EVENT_COLUMNS, eventFromRow } from './rows.ts'
import { EMPTY_HEAD, seal } from '../../journal/chain.ts'
import type { AppendOptions, JournalStore, ReadQuery } from '../types.ts'
import type { Db } from './open.ts'
import { verifySqlite } from './verify.ts'

type Row = EventRow
const COLS = EVENT_COLUMNS
const fromRow = eventFromRow

export function createSqliteJournal(db: Db, ids: () => string): JournalStore {
  const file = db.name
  const headStmt = db.prepare('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1')
  const insert = db.prepare(`INSERT INTO events (${COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const rangeStmt = db
    .prepare(`SELECT ${COLS} FROM events WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`)
    .raw()
  const byHash = db.prepare(`SELECT ${COLS} FROM events WHERE hash = ? LIMIT 1`).raw()

  const readHead = (): Head => (headStmt.get() as Head | undefined) ?? EMPTY_HEAD

  const appendTx = db.transaction((drafts: readonly EventDraft[], opts: AppendOptions): StoredEvent[] => {
    const head = readHead()
    if (opts.expectedSeq !== undefined && opts.expectedSeq !== head.seq) {
      throw new RinaError({
        code: 'JOURNAL_CONFLICT',
        message: `the journal moved on (expected head ${opts.expectedSeq}, found ${head.seq})`,
        hint: 'another command changed state at the same time; run the command again',
      })
    }
    const sealed = seal(drafts, head, { time: opts.time, ids })
    for (const e of sealed) {
      insert.run(e.seq, e.id, e.time, e.type, e.actorKind, e.actorId, e.reason, e.payload, e.prevHash, e.hash)
    }
    return sealed
  })

  return {
    async append(drafts, opts) {
      if (drafts.length === 0) return []
      return appendTx.immediate(drafts, opts)
    },
    async read(q: ReadQuery = {}) {
      const rows = rangeStmt.all(q.fromSeq ?? 1, q.toSeq ?? Number.MAX_SAFE_INTEGER, q.limit ?? -1) as Row[]
      return rows.map(fromRow)
    },
    async *scan(fromSeq = 1, batchSize = 10_000) {
      let next = fromSeq
      for (;;) {
        const rows = rangeStmt.all(next, Number.MAX_SAFE_INTEGER, batchSize) as Row[]
        if (rows.length === 0) return
        yield rows.map(fromRow)
        next = rows[rows.length - 1]![0] + 1
      }
    },
    async head() {
      return readHead()
    },
    ...(file !== ':memory:' && file !== ''
      ? {
          verifyChain: (opts: { anchor: string | null; onProgress?: (n: number) => void }) =>
            verifySqlite(file, readHead().seq, opts),
        }
      : {}),
    async findByHash(hash) {
      const r = byHash.get(hash) as Row | undefined
      return r ? fromRow(r) : null
    },
  }
}
