/** @module Builds a CommandContext over a memory or SQLite store with a fake clock, for command tests. */
import type { Actor } from '../domain/actor.ts'
import { humanActor } from '../domain/actor.ts'
import type { CommandContext } from '../commands/context.ts'
import type { RinaConfig } from '../config/schema.ts'
import { configSchema } from '../config/schema.ts'
import { Journal } from '../journal/journal.ts'
import { createMemoryStore } from '../store/memory/index.ts'
import type { Store } from '../store/types.ts'
import { FakeClock, countingIds } from './fakes.ts'

export function minimalConfig(overrides: Partial<Record<string, unknown>> = {}): RinaConfig {
  const svc = { deploy: { type: 'command', deploy: 'true' } }
  return configSchema.parse({
    project: 'demo',
    environments: { staging: { services: { api: svc } }, production: { services: { api: svc } } },
    ...overrides,
  })
}

export function testContext(
  opts: { config?: RinaConfig; store?: Store; clock?: FakeClock; actor?: Actor; secrets?: string[] } = {},
): CommandContext & { clock: FakeClock } {
  const ids = countingIds('evt')
  const store = opts.store ?? createMemoryStore(ids.ids)
  const clock = opts.clock ?? new FakeClock()
  return {
    config: opts.config ?? minimalConfig(),
    configPath: '/tmp/rina.yml',
    configDir: '/tmp',
    store,
    journal: new Journal(store.journal, clock, opts.secrets ?? [], { snapshots: store.snapshots }),
    clock,
    ids,
    actor: opts.actor ?? humanActor('ana@example.com'),
    secrets: opts.secrets ?? [],
  }
}
