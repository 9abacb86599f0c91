/** @module The memory store runs the shared journal, lock, token, probe history, heartbeat, run log and snapshot conformance suites. */
import { runHeartbeatConformance } from '../../testing/heartbeat.conformance.ts'
import { runJournalConformance } from '../../testing/journal.conformance.ts'
import { runLockConformance } from '../../testing/lock.conformance.ts'
import { runProbeHistoryConformance } from '../../testing/probe-history.conformance.ts'
import { runRunLogConformance } from '../../testing/run-log.conformance.ts'
import { runSnapshotConformance } from '../../testing/snapshot.conformance.ts'
import { runTokenConformance } from '../../testing/token.conformance.ts'
import { countingIds } from '../../testing/fakes.ts'
import { createMemoryStore } from './index.ts'

const create = () => createMemoryStore(countingIds('evt').ids)

runJournalConformance({ name: 'memory', create })
runLockConformance({ name: 'memory', create })
runTokenConformance({ name: 'memory', create })
runProbeHistoryConformance({ name: 'memory', create })
runRunLogConformance({ name: 'memory', create })
runHeartbeatConformance({ name: 'memory', create })
runSnapshotConformance({ name: 'memory', create })
