/**
 * @module The agent interface: long-running workers inside `rina serve` with optional hooks, called by the
 * runtime (runtime.ts). Agents observe and recommend; they never deploy to production, approve, roll production
 * back or toggle a freeze.
 */
import type { CommandContext } from '../commands/context.ts'
import type { JournalEvent } from '../domain/events.ts'

export interface Agent {
  readonly name: string
  /** Each appended event, in sequence order; the next call waits for this one. */
  onEvent?(e: JournalEvent, ctx: CommandContext): Promise<void>
  /** Every runtime tick; a tick still running is not started again. */
  onTick?(now: Date, ctx: CommandContext): Promise<void>
  /** Stops timers and waits for work in progress. */
  onStop?(): Promise<void>
}

/** Subscribes a handler to appended events (the bus); returns the unsubscribe function. */
export type Subscribe = (handler: (e: JournalEvent) => void) => () => void
