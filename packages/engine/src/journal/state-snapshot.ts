/**
 * @module Snapshots of the projected state, so a short-lived process (every CLI command) folds only the events
 * since the last one. A snapshot is a cache and the journal the truth: one made by another projection version, or
 * whose event at its seq no longer has its hash (a journal restored, replaced or rewritten), is ignored; failing
 * to read or save one costs a longer fold, never a command.
 */
import type { State } from '../domain/state.ts'
import type { JournalStore, SnapshotStore } from '../store/types.ts'
import { PROJECTION_VERSION } from './projection.ts'

/** The snapshot name of the state projection. */
export const STATE_SNAPSHOT = 'state'

/** A new snapshot is saved once a read folded more than this many events past the last one. */
export const SNAPSHOT_EVERY = 1_000

/** The state saved in the snapshot when it can be trusted for this journal, else null. */
export async function loadStateSnapshot(
  snapshots: SnapshotStore,
  journal: JournalStore,
): Promise<State | null> {
  try {
    const snap = await snapshots.get(STATE_SNAPSHOT)
    if (!snap || snap.version !== PROJECTION_VERSION || snap.seq < 1) return null
    const [at] = await journal.read({ fromSeq: snap.seq, toSeq: snap.seq, limit: 1 })
    if (!at || at.seq !== snap.seq || at.hash !== snap.hash) return null
    const state = JSON.parse(snap.body) as State
    return state.seq === snap.seq ? state : null
  } catch {
    return null
  }
}

/** Saves `state` (folded up to the event whose hash is `hash`); a failure is ignored. */
export async function saveStateSnapshot(snapshots: SnapshotStore, state: State, hash: string): Promise<void> {
  try {
    await snapshots.put({
      name: STATE_SNAPSHOT,
      seq: state.seq,
      hash,
      version: PROJECTION_VERSION,
      body: JSON.stringify(state),
    })
  } catch {
    // the next read folds from the previous snapshot instead
  }
}
