/** @module The PostgreSQL store (a throwaway schema per case) runs the shared journal, lock, token, probe history, heartbeat, run log and snapshot suites. */
import { runHeartbeatConformance } from '../../testing/heartbeat.conformance.ts'
import { runJournalConformance } from '../../testing/journal.conformance.ts'
import { runLockConformance } from '../../testing/lock.conformance.ts'
import { runProbeHistoryConformance } from '../../testing/probe-history.conformance.ts'
import { runRunLogConformance } from '../../testing/run-log.conformance.ts'
import { runSnapshotConformance } from '../../testing/snapshot.conformance.ts'
import { runTokenConformance } from '../../testing/token.conformance.ts'
import type { Store } from '../types.ts'
import { pgSuiteSkip, throwawayStore, type ThrowawayStore } from './throwaway.ts'

const skip = await pgSuiteSkip()

const create = () => throwawayStore()
const sibling = (store: Store) => (store as ThrowawayStore).sibling()

runJournalConformance({ name: 'postgres', create, sibling, skip })
runLockConformance({ name: 'postgres', create, sibling, skip })
runTokenConformance({ name: 'postgres', create, sibling, skip })
runProbeHistoryConformance({ name: 'postgres', create, sibling, skip })
runRunLogConformance({ name: 'postgres', create, sibling, skip })
runHeartbeatConformance({ name: 'postgres', create, sibling, skip })
runSnapshotConformance({ name: 'postgres', create, sibling, skip })
