/**
 * @module State snapshot benchmark: what a CLI command pays to read state on a long journal. On SQLite journals of
 * 10,000, 100,000 and 300,000 realistic events (deploys, probes' health changes, incidents, notifications), each
 * read opens the store as a command does and reads the state, or runs all of `rina status`; once folding the
 * whole journal, once from the last snapshot (taken up to 500 events back, so the fold after it is included). At
 * 100,000 and 300,000 events it also times the start of `rina serve`'s journal (LiveJournal's first state read).
 *   npm run bench -- snapshots
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { LiveJournal } from '../packages/engine/src/bus/live-journal.ts'
import { status } from '../packages/engine/src/commands/status.ts'
import { Journal } from '../packages/engine/src/journal/journal.ts'
import { createSqliteStore } from '../packages/engine/src/store/sqlite/index.ts'
import type { Store } from '../packages/engine/src/store/types.ts'
import { minimalConfig, testContext } from '../packages/engine/src/testing/context.ts'
import { countingIds, FakeClock } from '../packages/engine/src/testing/fakes.ts'
import { realisticHistory } from '../packages/engine/src/testing/journal-history.ts'
import type { BenchResult, BenchRow } from './report.ts'

const SIZES = [10_000, 100_000, 300_000] as const
/** Sizes at which the server's journal start is timed too. */
const SERVE_SIZES: readonly number[] = [100_000, 300_000]
/** Events appended after the snapshot was taken, as commands run between two snapshots. */
const SINCE_SNAPSHOT = 500

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** Fills a journal with `size` events (the last SINCE_SNAPSHOT of them after a snapshot) and returns its path. */
async function fill(dir: string, size: number): Promise<string> {
  const path = join(dir, `journal-${size}.db`)
  const store = createSqliteStore({ path, ids: countingIds('evt').ids, synchronous: 'normal' })
  const clock = new FakeClock('2025-01-01T00:00:00.000Z')
  const journal = new Journal(store.journal, clock, [], { snapshots: store.snapshots })
  const drafts = realisticHistory(size, size)
  const before = size - SINCE_SNAPSHOT
  const append = async (from: number, to: number) => {
    for (let i = from; i < to; i += 1_000) {
      await journal.append(drafts.slice(i, Math.min(i + 1_000, to)))
      clock.advance(60_000)
    }
  }
  await append(0, before)
  await journal.state()
  await append(before, size)
  // A run cut off at the end of the generated history is settled once, as the first command would.
  await status(testContext({ store, clock }))
  await store.close()
  return path
}

/** Median wall time of `reps` reads, each opening the store as a CLI command does. */
async function timeReads(
  path: string,
  reps: number,
  read: (store: Store) => Promise<unknown>,
): Promise<number> {
  const times: number[] = []
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now()
    const store = createSqliteStore({ path, ids: countingIds('evt').ids })
    await read(store)
    await store.close()
    times.push(performance.now() - t0)
  }
  return median(times)
}

/** A command's context over `store`, reading state with or without snapshots. */
const context = (store: Store, snapshots: boolean) => {
  const clock = new FakeClock('2026-01-01T00:00:00.000Z')
  const base = testContext({ store, clock, config: minimalConfig() })
  return {
    ...base,
    journal: new Journal(store.journal, clock, [], snapshots ? { snapshots: store.snapshots } : {}),
  }
}

/** The journal `rina serve` reads through, with or without snapshots. */
const serveJournal = (store: Store, snapshots: boolean) =>
  new LiveJournal(store.journal, new FakeClock(), [], snapshots ? { snapshots: store.snapshots } : {})

export async function benchSnapshots(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rina-bench-snapshots-'))
  try {
    const rows: BenchRow[] = []
    for (const size of SIZES) {
      const path = await fill(dir, size)
      const reps = size >= 300_000 ? 5 : 9
      const count = size.toLocaleString('en-US')
      const full = await timeReads(path, reps, (store) => context(store, false).journal.state())
      const snap = await timeReads(path, reps, (store) => context(store, true).journal.state())
      const fullStatus = await timeReads(path, reps, (store) => status(context(store, false)))
      const snapStatus = await timeReads(path, reps, (store) => status(context(store, true)))
      rows.push(
        {
          name: `state read, ${count} events, from the snapshot (median)`,
          value: snap,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: 'folding the whole journal', value: full },
        },
        {
          name: `\`rina status\`, ${count} events, from the snapshot (median)`,
          value: snapStatus,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: 'folding the whole journal', value: fullStatus },
        },
      )
      if (!SERVE_SIZES.includes(size)) continue
      const fullServe = await timeReads(path, reps, (store) => serveJournal(store, false).state())
      const snapServe = await timeReads(path, reps, (store) => serveJournal(store, true).state())
      rows.push({
        name: `\`rina serve\` journal start, ${count} events, from the snapshot (median)`,
        value: snapServe,
        unit: 'ms',
        lowerIsBetter: true,
        baseline: { name: 'folding the whole journal', value: fullServe },
      })
    }
    return {
      title: 'State snapshots',
      rows,
      notes: [
        `Each read opens the SQLite store, reads and closes it, as a CLI command does. "From the snapshot" loads the state saved at most ${SINCE_SNAPSHOT} events back, checks the hash of its event and folds the events after it; the baseline folds every event. \`rina status\` reads the state once (again only after settling an interrupted run or an expired freeze) and takes each environment's last health verdict from it, so it no longer scans the journal; what remains beyond the state read is opening the store, the lock checks and the freeze windows. The \`rina serve\` rows time the server's journal from creation to its first state: from the snapshot it folds only the events after it and reads older events into memory only when a query first asks for them. Its first state also costs a deep-frozen copy handed to every caller, which a CLI read does not make. It saves a snapshot every 1,000 events folded and when the server stops.`,
      ],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
