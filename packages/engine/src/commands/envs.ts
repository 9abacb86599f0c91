/** @module Resolves environment names given on a command line against the config. */
import type { RinaConfig } from '../config/schema.ts'
import { RinaError } from '../errors.ts'

export function resolveEnvs(
  config: RinaConfig,
  wanted: { env?: string | undefined; all?: boolean | undefined },
): string[] {
  const known = Object.keys(config.environments)
  if (wanted.all) return known
  const env = wanted.env ?? 'production'
  if (!known.includes(env)) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `no environment named "${env}"`,
      hint: `environments in rina.yml: ${known.join(', ')}`,
    })
  }
  return [env]
}
