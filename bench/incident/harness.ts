/**
 * @module The agents of `rina serve` in this process, as the server runs them: SQLite store, journal on the bus,
 * the five standard agents ticking every second, a webhook channel to a real local receiver. Benchmarks watch
 * the bus for the moment an incident opens and the receiver for the moment its notice arrives.
 */
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { standardAgents, type StandardAgentsOptions } from '../../packages/engine/src/agents/agents.ts'
import { createAgentRuntime } from '../../packages/engine/src/agents/runtime.ts'
import { EventBus } from '../../packages/engine/src/bus/event-bus.ts'
import { randomIds, systemClock } from '../../packages/engine/src/clock.ts'
import type { CommandContext } from '../../packages/engine/src/commands/context.ts'
import { configSchema } from '../../packages/engine/src/config/schema.ts'
import { humanActor } from '../../packages/engine/src/domain/actor.ts'
import type { JournalEvent } from '../../packages/engine/src/domain/events.ts'
import { Journal } from '../../packages/engine/src/journal/journal.ts'
import { createSqliteStore } from '../../packages/engine/src/store/sqlite/index.ts'

export interface Harness {
  ctx: CommandContext
  bus: EventBus
  start(): void
  stop(): Promise<void>
}

export function startHarness(
  dir: string,
  rawConfig: Record<string, unknown>,
  agents: StandardAgentsOptions = {},
): Harness {
  const config = configSchema.parse({
    version: 1,
    project: 'bench',
    ...rawConfig,
    environments: { staging: { services: {} }, ...(rawConfig.environments as object) },
  })
  const store = createSqliteStore({ path: join(dir, 'state.db'), ids: () => randomUUID() })
  const bus = new EventBus()
  const journal = new Journal(store.journal, systemClock, [])
  journal.onAppended = (events: readonly JournalEvent[]) => void bus.publish(events)
  const ctx: CommandContext = {
    config,
    configPath: join(dir, 'rina.yml'),
    configDir: dir,
    store,
    journal,
    clock: systemClock,
    ids: randomIds,
    actor: humanActor('bench@example.com'),
    secrets: [],
  }
  const runtime = createAgentRuntime({
    ctx,
    agents: standardAgents(agents).all,
    subscribe: (h) => bus.subscribe(null, h),
    clock: systemClock,
    tickMs: 1_000,
    log: (line) => process.stderr.write(`${line}\n`),
  })
  return {
    ctx,
    bus,
    start: () => runtime.start(),
    async stop() {
      await runtime.stop()
      await store.close()
    },
  }
}
