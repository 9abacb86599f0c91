/**
 * @module The log sources rina.yml configures for an environment (all its services, or one), each built through
 * the registry and named `env/service` (with `#2`, `#3`… when a service has several).
 */
import type { LogSourceConfig, RinaConfig } from '../config/schema.ts'
import { RinaError } from '../errors.ts'
import { createLogSource } from './registry.ts'
import type { LogSource, LogSourceDeps } from './types.ts'

export interface ConfiguredSource {
  name: string
  env: string
  service: string
  config: LogSourceConfig
  source: LogSource
}

export function configuredSources(
  config: RinaConfig,
  env: string,
  service: string | undefined,
  deps: Omit<LogSourceDeps, 'name'> = {},
): ConfiguredSource[] {
  const environment = config.environments[env]
  if (environment === undefined) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `no environment "${env}" in rina.yml`,
      hint: `environments: ${Object.keys(config.environments).join(', ')}`,
    })
  }
  const names = Object.keys(environment.services)
  if (service !== undefined && !names.includes(service)) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `no service "${service}" in environment "${env}"`,
      hint: `services of ${env}: ${names.join(', ')}`,
    })
  }
  const out: ConfiguredSource[] = []
  for (const name of service === undefined ? names : [service]) {
    const logs = environment.services[name]!.logs
    logs.forEach((c, i) => {
      const sourceName = `${env}/${name}${logs.length > 1 ? `#${i + 1}` : ''}`
      out.push({
        name: sourceName,
        env,
        service: name,
        config: c,
        source: createLogSource(c, { ...deps, name: sourceName }),
      })
    })
  }
  return out
}
