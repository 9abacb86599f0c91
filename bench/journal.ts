/**
 * @module Journal benchmark: appends per second with durability on (synchronous=FULL, WAL) at several batch sizes,
 * and `audit verify` events per second over 1,000,000 events; each beside a raw SQLite baseline in the same run.
 *   npm run bench -- journal [--events 1000000]
 */
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { humanActor } from '../packages/engine/src/domain/actor.ts'
import type { EventDraft } from '../packages/engine/src/domain/events.ts'
import { createSqliteStore } from '../packages/engine/src/store/sqlite/index.ts'
import { verifyJournal } from '../packages/engine/src/journal/verify.ts'
import { countingIds } from '../packages/engine/src/testing/fakes.ts'
import type { BenchResult } from './report.ts'

const draft = (i: number): EventDraft<'freeze.enabled'> => ({
  type: 'freeze.enabled',
  actor: humanActor('ana@example.com'),
  reason: `benchmark event ${i} with a reason of ordinary length`,
  payload: { env: i % 2 ? 'production' : 'staging', until: null },
})

async function appendRate(dir: string, batch: number, total: number): Promise<number> {
  const store = createSqliteStore({ path: join(dir, `append-${batch}.db`), ids: countingIds('evt').ids })
  const drafts = Array.from({ length: batch }, (_, i) => draft(i))
  const t0 = performance.now()
  for (let n = 0; n < total; n += batch)
    await store.journal.append(drafts, { time: new Date().toISOString() })
  const rate = total / ((performance.now() - t0) / 1000)
  await store.close()
  return rate
}

/** The same rows through plain prepared INSERTs (no canonical JSON, no hashing, no head read): the floor. */
function rawAppendRate(dir: string, batch: number, total: number): number {
  const db = new Database(join(dir, `raw-${batch}.db`))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(
    'CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT, time TEXT, type TEXT, actor_kind TEXT, actor_id TEXT, reason TEXT, payload TEXT, prev_hash TEXT, hash TEXT)',
  )
  const ins = db.prepare('INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)')
  const h = 'f'.repeat(64)
  let seq = 0
  const tx = db.transaction((k: number) => {
    for (let i = 0; i < k; i++) {
      seq++
      ins.run(
        seq,
        `evt_${seq}`,
        new Date().toISOString(),
        'freeze.enabled',
        'human',
        'ana@example.com',
        'r',
        '{"env":"production","until":null}',
        h,
        h,
      )
    }
  })
  const t0 = performance.now()
  for (let n = 0; n < total; n += batch) tx.immediate(batch)
  const rate = total / ((performance.now() - t0) / 1000)
  db.close()
  return rate
}

async function verifyRate(dir: string, events: number): Promise<{ verify: number; scan: number }> {
  const path = join(dir, 'verify.db')
  const store = createSqliteStore({ path, ids: countingIds('evt').ids, synchronous: 'normal' })
  const drafts = Array.from({ length: 10_000 }, (_, i) => draft(i))
  for (let n = 0; n < events; n += drafts.length)
    await store.journal.append(drafts, { time: new Date().toISOString() })
  let t0 = performance.now()
  const report = await verifyJournal(store.journal)
  const verify = events / ((performance.now() - t0) / 1000)
  if (!report.ok || report.verified !== events)
    throw new Error(`verify failed: ${JSON.stringify(report.break)}`)
  // Baseline: reading the same rows without checking anything.
  t0 = performance.now()
  let n = 0
  for await (const b of store.journal.scan(1, 20_000)) n += b.length
  const scan = n / ((performance.now() - t0) / 1000)
  await store.close()
  return { verify, scan }
}

export async function benchJournal(args: { events: number }): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rina-bench-journal-'))
  try {
    const rows: BenchResult['rows'] = []
    for (const [batch, total] of [
      [1, 2_000],
      [100, 50_000],
      [1_000, 200_000],
    ] as const) {
      const ours = await appendRate(dir, batch, total)
      const raw = rawAppendRate(dir, batch, total)
      rows.push({
        name: `append, batch ${batch} (synchronous=FULL)`,
        value: ours,
        unit: 'events/s',
        baseline: { name: 'raw SQLite INSERT, same batch', value: raw },
        target: batch === 1 ? undefined : 20_000,
      })
    }
    const v = await verifyRate(dir, args.events)
    rows.push({
      name: `audit verify over ${args.events.toLocaleString('en-US')} events`,
      value: v.verify,
      unit: 'events/s',
      baseline: { name: 'reading the rows only', value: v.scan },
      target: 500_000,
    })
    return { title: 'Journal', rows }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
