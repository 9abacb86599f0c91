/**
 * @module The incident side's entry point as the agents see it: `recordSignals` correlates signals into incidents
 * and journals what it opened or updated (ids). The agents take it as a parameter, so tests pass a fake.
 */
import type { Signal } from '../analysis/incident/types.ts'
import type { CommandContext } from '../commands/context.ts'

export type RecordSignals = (
  ctx: CommandContext,
  signals: Signal[],
  opts?: { now?: Date },
) => Promise<{ opened: string[]; updated: string[] }>
