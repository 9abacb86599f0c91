/**
 * @module The deploy provider registry: one line per provider, keyed by the `type` used in config. The mapped
 * type makes a provider missing from this table a type error.
 */
import type { ProviderConfig } from '../config/schema.ts'
import { commandProvider } from './command/index.ts'
import { releaseDirProvider } from './release-dir/index.ts'
import type { DeployProvider, ProviderDeps, ProviderFactory } from './types.ts'

/** For each config `type`, the factory taking that variant of the config. */
export type Registry<C extends { type: string }> = {
  readonly [K in C['type']]: ProviderFactory<Extract<C, { type: K }>>
}

export const providers = {
  command: commandProvider,
  'release-dir': releaseDirProvider,
} satisfies Registry<ProviderConfig>

export function createProvider(config: ProviderConfig, deps: ProviderDeps): DeployProvider {
  const factory = providers[config.type] as ProviderFactory<ProviderConfig>
  return factory(config, deps)
}
