/** @module The memory store runs the shared outbox conformance suite. */
import { countingIds } from '../../testing/fakes.ts'
import { runOutboxConformance } from '../../testing/outbox.conformance.ts'
import { createMemoryStore } from './index.ts'

runOutboxConformance({ name: 'memory', create: () => createMemoryStore(countingIds('evt').ids) })
