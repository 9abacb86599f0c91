/**
 * @module Runs agents: each gets the bus's events in order (one at a time per agent) and a tick on a timer,
 * under a context whose actor is the agent itself. A hook that throws is logged, and journaled at most once a
 * minute per agent (`agent.failed`, with how many failures it stands for); it never stops the other agents.
 */
import type { Clock } from '../clock.ts'
import type { CommandContext } from '../commands/context.ts'
import { agentActor } from '../domain/actor.ts'
import type { JournalEvent } from '../domain/events.ts'
import { toRinaError } from '../errors.ts'
import type { Agent, Subscribe } from './types.ts'

export interface AgentRuntimeOptions {
  ctx: CommandContext
  agents: readonly Agent[]
  subscribe: Subscribe
  /** Milliseconds between ticks. Default 1,000. */
  tickMs?: number
  clock: Clock
  /** Where failures are logged. Default: stderr. */
  log?: (line: string) => void
  /** Least time between two `agent.failed` events of one agent. Default 60,000. */
  journalErrorsEveryMs?: number
}

export interface AgentRuntime {
  start(): void
  /** Unsubscribes, stops the timer, waits for hooks in progress, then calls each agent's onStop. */
  stop(): Promise<void>
}

type Hook = 'event' | 'tick' | 'stop'

interface Slot {
  agent: Agent
  ctx: CommandContext
  /** The chain of event deliveries: each waits for the one before. */
  events: Promise<void>
  tick: Promise<void> | null
  lastJournaled: number | null
  unjournaled: number
}

export function createAgentRuntime(opts: AgentRuntimeOptions): AgentRuntime {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const every = opts.journalErrorsEveryMs ?? 60_000
  const slots: Slot[] = opts.agents.map((agent) => ({
    agent,
    ctx: { ...opts.ctx, actor: agentActor(agent.name) },
    events: Promise.resolve(),
    tick: null,
    lastJournaled: null,
    unjournaled: 0,
  }))
  let off: (() => void) | null = null
  let timer: ReturnType<typeof setInterval> | null = null
  let stopped = false

  const failed = async (slot: Slot, hook: Hook, err: unknown) => {
    const message = toRinaError(err).message
    log(`agent ${slot.agent.name}: ${hook} failed: ${message}`)
    slot.unjournaled++
    const now = opts.clock.now().getTime()
    if (slot.lastJournaled !== null && now - slot.lastJournaled < every) return
    slot.lastJournaled = now
    const count = slot.unjournaled
    slot.unjournaled = 0
    try {
      await slot.ctx.journal.append([
        {
          type: 'agent.failed',
          actor: slot.ctx.actor,
          reason: null,
          payload: { agent: slot.agent.name, hook, message, count },
        },
      ])
    } catch (e) {
      log(`agent ${slot.agent.name}: could not journal its failure: ${toRinaError(e).message}`)
    }
  }

  const guard = (slot: Slot, hook: Hook, run: () => Promise<void>): Promise<void> =>
    Promise.resolve()
      .then(run)
      .catch((err: unknown) => failed(slot, hook, err))

  const deliver = (e: JournalEvent) => {
    if (stopped) return
    for (const slot of slots) {
      const onEvent = slot.agent.onEvent?.bind(slot.agent)
      if (!onEvent) continue
      slot.events = slot.events.then(() => guard(slot, 'event', () => onEvent(e, slot.ctx)))
    }
  }

  const tick = () => {
    const now = opts.clock.now()
    for (const slot of slots) {
      const onTick = slot.agent.onTick?.bind(slot.agent)
      if (!onTick || slot.tick) continue
      slot.tick = guard(slot, 'tick', () => onTick(now, slot.ctx)).finally(() => (slot.tick = null))
    }
  }

  return {
    start() {
      if (off || stopped) return
      off = opts.subscribe(deliver)
      timer = setInterval(tick, opts.tickMs ?? 1_000)
      tick()
    },
    async stop() {
      if (stopped) return
      stopped = true
      off?.()
      if (timer) clearInterval(timer)
      await Promise.all(slots.flatMap((s) => [s.events, s.tick ?? Promise.resolve()]))
      for (const slot of slots) {
        const onStop = slot.agent.onStop?.bind(slot.agent)
        if (onStop) await guard(slot, 'stop', onStop)
      }
    },
  }
}
