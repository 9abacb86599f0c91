/** @module The bus: appended journal events to live views, metrics and agents, in order, once. */
export * from './event-bus.ts'
export * from './feed.ts'
export * from './follow.ts'
export * from './live-journal.ts'
