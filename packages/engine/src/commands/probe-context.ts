/**
 * @module The context probes run in for a command or an agent: its clock and config directory, the release
 * expected in place, and the heartbeats workers reported to `rina serve` (read from the store, so a CLI process
 * sees beats the server recorded).
 */
import type { ProbeContext } from '../probes/types.ts'
import type { CommandContext } from './context.ts'

export function probeContextOf(
  ctx: Pick<CommandContext, 'clock' | 'configDir' | 'store'>,
  release: string | null,
): Omit<ProbeContext, 'signal'> {
  return {
    now: () => ctx.clock.now(),
    configDir: ctx.configDir,
    release,
    heartbeat: async (key) => (await ctx.store.heartbeats.last(key))?.at ?? null,
  }
}
