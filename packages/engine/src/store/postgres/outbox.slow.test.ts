/** @module The PostgreSQL store (a throwaway schema per case) runs the shared outbox conformance suite. */
import { runOutboxConformance } from '../../testing/outbox.conformance.ts'
import type { Store } from '../types.ts'
import { pgSuiteSkip, throwawayStore, type ThrowawayStore } from './throwaway.ts'

const skip = await pgSuiteSkip()

runOutboxConformance({
  name: 'postgres',
  create: () => throwawayStore(),
  sibling: (store: Store) => (store as ThrowawayStore).sibling(),
  skip,
})
