/**
 * @module PostgreSQL journal. An append locks the head row (`SELECT … FOR UPDATE`), so appends from every
 * connection, process and instance serialize on it; the sealed events go in as one multi-row INSERT (arrays
 * through `unnest`), together with the new head and a `NOTIFY <channel>, '<last seq>'`, in one transaction.
 */
import type { Pool, PoolClient, QueryResult } from 'pg'
import type { EventDraft } from '../../domain/events.ts'
import { RinaError } from '../../errors.ts'
import type { Head, StoredEvent } from '../../journal/chain.ts'
import { seal } from '../../journal/chain.ts'
import type { AppendOptions, JournalStore, ReadQuery } from '../types.ts'
import { guarded } from './errors.ts'
import type { Tables } from './open.ts'

type Row = [number, string, string, string, string, string, string | null, string, string, string]
const COLS = 'seq, id, time, type, actor_kind, actor_id, reason, payload, prev_hash, hash'

const fromRow = (r: Row): StoredEvent => ({
  seq: r[0],
  id: r[1],
  time: r[2],
  type: r[3],
  actorKind: r[4],
  actorId: r[5],
  reason: r[6],
  payload: r[7],
  prevHash: r[8],
  hash: r[9],
})

/** Column arrays for `unnest`, in COLS order. */
const columns = (events: readonly StoredEvent[]): unknown[][] => [
  events.map((e) => e.seq),
  events.map((e) => e.id),
  events.map((e) => e.time),
  events.map((e) => e.type),
  events.map((e) => e.actorKind),
  events.map((e) => e.actorId),
  events.map((e) => e.reason),
  events.map((e) => e.payload),
  events.map((e) => e.prevHash),
  events.map((e) => e.hash),
]

export interface PostgresJournalDeps {
  pool: Pool
  tables: Tables
  url: string
  channel: string
  ids: () => string
}

export function createPostgresJournal({
  pool,
  tables: t,
  url,
  channel,
  ids,
}: PostgresJournalDeps): JournalStore {
  const lockHead = `BEGIN; SELECT seq, hash FROM ${t.head} WHERE id = 1 FOR UPDATE`
  const write = `WITH ins AS (
      INSERT INTO ${t.events} (${COLS})
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
        $8::text[], $9::text[], $10::text[])
    ), moved AS (UPDATE ${t.head} SET seq = $11, hash = $12 WHERE id = 1)
    SELECT pg_notify($13, $11::text)`
  const range = `SELECT ${COLS} FROM ${t.events} WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT $3`

  const rows = async (q: string, values: unknown[]): Promise<StoredEvent[]> => {
    const res = await pool.query<Row>({ text: q, values, rowMode: 'array' })
    return res.rows.map(fromRow)
  }

  const missingHead = () =>
    new RinaError({ code: 'JOURNAL_CORRUPT', message: `the journal head row is missing in ${t.head}` })

  async function appendIn(client: PoolClient, drafts: readonly EventDraft[], opts: AppendOptions) {
    const results = (await client.query(lockHead)) as unknown as QueryResult<Head>[]
    const head = results[1]?.rows[0]
    if (!head) throw missingHead()
    if (opts.expectedSeq !== undefined && opts.expectedSeq !== head.seq) {
      throw new RinaError({
        code: 'JOURNAL_CONFLICT',
        message: `the journal moved on (expected head ${opts.expectedSeq}, found ${head.seq})`,
        hint: 'another command changed state at the same time; run the command again',
      })
    }
    const sealed = seal(drafts, head, { time: opts.time, ids })
    const last = sealed[sealed.length - 1]!
    await client.query({
      name: 'rina_append',
      text: write,
      values: [...columns(sealed), last.seq, last.hash, channel],
    })
    await client.query('COMMIT')
    return sealed
  }

  return {
    async append(drafts, opts) {
      if (drafts.length === 0) return []
      return guarded(url, async () => {
        const client = await pool.connect()
        let broken: Error | undefined
        try {
          return await appendIn(client, drafts, opts)
        } catch (e) {
          await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError))
          throw e
        } finally {
          client.release(broken)
        }
      })
    },
    async read(q: ReadQuery = {}) {
      const limit = q.limit !== undefined && q.limit >= 0 ? q.limit : null
      return guarded(url, () => rows(range, [q.fromSeq ?? 1, q.toSeq ?? Number.MAX_SAFE_INTEGER, limit]))
    },
    async *scan(fromSeq = 1, batchSize = 10_000) {
      let next = fromSeq
      for (;;) {
        const batch = await guarded(url, () => rows(range, [next, Number.MAX_SAFE_INTEGER, batchSize]))
        if (batch.length === 0) return
        yield batch
        next = batch[batch.length - 1]!.seq + 1
      }
    },
    async head() {
      return guarded(url, async () => {
        const res = await pool.query<Head>(`SELECT seq, hash FROM ${t.head} WHERE id = 1`)
        const h = res.rows[0]
        if (!h) throw missingHead()
        return { seq: h.seq, hash: h.hash }
      })
    },
    async findByHash(hash) {
      return guarded(
        url,
        async () =>
          (await rows(`SELECT ${COLS} FROM ${t.events} WHERE hash = $1 LIMIT 1`, [hash]))[0] ?? null,
      )
    },
  }
}
