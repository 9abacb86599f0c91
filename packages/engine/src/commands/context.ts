/**
 * @module What every command gets: config, store, journal, clock, ids and the acting person or agent.
 * Faces build it once (openContext) and pass it to the commands; no face holds logic of its own.
 */
import type { Clock, IdSource } from '../clock.ts'
import type { Actor } from '../domain/actor.ts'
import type { RinaConfig } from '../config/schema.ts'
import type { Journal } from '../journal/journal.ts'
import type { Store } from '../store/types.ts'

export interface CommandContext {
  config: RinaConfig
  configPath: string
  configDir: string
  store: Store
  journal: Journal
  clock: Clock
  ids: IdSource
  actor: Actor
  /** Secret values resolved from ${ENV_VAR}s: redacted from everything that leaves the process. */
  secrets: readonly string[]
  /** Progress lines for long operations (spinners in the CLI, SSE in the server). */
  progress?: (message: string) => void
  /** Environment for commands the deploy runs (default: this process's). */
  processEnv?: Readonly<Record<string, string | undefined>>
}
