/**
 * @module The log source registry: one line per source, keyed by the `type` used in config. Adding a source
 * takes one folder and one line here; the mapped type makes a missing line a type error.
 */
import type { LogSourceConfig } from '../config/schema.ts'
import { commandLogSource } from './command/index.ts'
import { fileLogSource } from './file/index.ts'
import { httpIngestLogSource } from './http-ingest/index.ts'
import type { LogSource, LogSourceDeps, LogSourceFactory } from './types.ts'

/** For each config `type`, the factory taking that variant of the config. */
export type Registry<C extends { type: string }> = {
  readonly [K in C['type']]: LogSourceFactory<Extract<C, { type: K }>>
}

export const logSources = {
  file: fileLogSource,
  command: commandLogSource,
  'http-ingest': httpIngestLogSource,
} satisfies Registry<LogSourceConfig>

export function createLogSource(config: LogSourceConfig, deps: LogSourceDeps): LogSource {
  const factory = logSources[config.type] as LogSourceFactory<LogSourceConfig>
  return factory(config, deps)
}
