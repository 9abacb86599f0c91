/** @module Environment facts every deploy path needs: its config, promotion order, protection and policies. */
import type { EnvironmentConfig, RinaConfig } from '../config/schema.ts'
import { RinaError } from '../errors.ts'
import type { ApprovalPolicy } from '../gates/approval.ts'
import { createProvider } from '../providers/registry.ts'
import type { DeployProvider } from '../providers/types.ts'

export function environmentConfig(config: RinaConfig, env: string): EnvironmentConfig {
  const e = config.environments[env]
  if (!e) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `no environment named "${env}"`,
      hint: `environments in rina.yml, in promotion order: ${Object.keys(config.environments).join(', ')}`,
    })
  }
  return e
}

export const promotionOrder = (config: RinaConfig): string[] => Object.keys(config.environments)

/** Protected environments need approvals and a human confirmation, and are never rolled back automatically. */
export function isProtected(config: RinaConfig, env: string): boolean {
  return env === 'production' || config.environments[env]?.approval !== undefined
}

export function approvalPolicy(
  config: RinaConfig,
  env: string,
): ApprovalPolicy & { requirePassed?: string | undefined } {
  const a = config.environments[env]?.approval
  return {
    required: a?.required ?? 1,
    allowSelfApproval: a?.allowSelfApproval ?? false,
    requirePassed: a?.requirePassed,
  }
}

export function autoRollback(config: RinaConfig, env: string): boolean {
  return !isProtected(config, env) && (config.environments[env]?.autoRollback ?? true)
}

export function providersFor(
  envConfig: EnvironmentConfig,
  configDir: string,
): Record<string, DeployProvider> {
  return Object.fromEntries(
    Object.entries(envConfig.services).map(([name, s]) => [name, createProvider(s.deploy, { configDir })]),
  )
}
