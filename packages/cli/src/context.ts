/** @module Builds the engine's CommandContext for a CLI invocation: config, store, journal, the human actor. */
import type { CommandContext } from '@rinawarp/engine'
import { Journal, loadConfig, openStore, randomIds, resolveHuman, systemClock } from '@rinawarp/engine'
import type { Run } from './io.ts'

export type CliContext = CommandContext & { close(): Promise<void> }

export async function openContext(run: Run): Promise<CliContext> {
  const loaded = await loadConfig({ path: run.global.config, cwd: run.io.cwd, env: run.io.env })
  const store = await openStore(loaded.config.store, loaded.dir, () => randomIds.next('evt'))
  return {
    config: loaded.config,
    configPath: loaded.path,
    configDir: loaded.dir,
    store,
    journal: new Journal(store.journal, systemClock, loaded.secrets, { snapshots: store.snapshots }),
    clock: systemClock,
    ids: randomIds,
    actor: resolveHuman({ env: run.io.env, cwd: run.io.cwd }),
    secrets: loaded.secrets,
    close: () => store.close(),
  }
}

/** Opens a context, runs `fn`, and always closes the store. */
export async function withContext<T>(run: Run, fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(run)
  try {
    return await fn(ctx)
  } finally {
    await ctx.close()
  }
}
