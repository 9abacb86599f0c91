/**
 * @module The `command` deploy provider: runs the team's own deploy and rollback commands with the release in the
 * environment. One step per plan; without a rollback command, a rollback runs the deploy command with
 * RINA_RELEASE set to the release to go back to. Commands cannot tell what is running, so `current` is null.
 */
import { resolve } from 'node:path'
import { parseDuration } from '../../domain/duration.ts'
import { DEFAULT_KILL_GRACE_MS, runCommandStep } from '../command-step.ts'
import { rinaEnv } from '../rina-env.ts'
import type { DeployPlan, PlanStep, ProviderFactory, ProviderRequest } from '../types.ts'
import type { CommandProviderConfig } from './schema.ts'

const DEFAULT_TIMEOUT_MS = 600_000

export const commandProvider: ProviderFactory<CommandProviderConfig> = (config, deps) => {
  const cwd = resolve(deps.configDir, config.cwd ?? '.')
  const timeoutMs = parseDuration(config.timeout) ?? DEFAULT_TIMEOUT_MS
  const graceMs = deps.killGraceMs ?? DEFAULT_KILL_GRACE_MS

  const step = (req: ProviderRequest): PlanStep => {
    const runs = req.kind === 'rollback' && config.rollback !== undefined ? 'rollback' : 'deploy'
    return {
      id: `${req.service}:${req.kind}`,
      service: req.service,
      action: 'command',
      description: describe(req, runs),
      command: runs === 'rollback' ? config.rollback! : config.deploy,
      env: rinaEnv(req, config.env),
      cwd,
      timeoutMs,
      data: { release: req.release, previous: req.previous, runs },
    }
  }

  return {
    type: 'command',
    plan: (req): DeployPlan => ({ provider: 'command', request: req, steps: [step(req)] }),
    runStep: (s, ctx) =>
      runCommandStep(s, ctx, {
        label: `${s.data?.['runs'] === 'rollback' ? 'rollback' : 'deploy'} command`,
        graceMs,
        cwd,
      }),
    current: async () => null,
  }
}

function describe(req: ProviderRequest, runs: 'deploy' | 'rollback'): string {
  if (req.kind === 'deploy') {
    const from = req.previous === null ? 'first deploy' : `replacing ${req.previous}`
    return `deploy ${req.service} ${req.release} to ${req.env} (${from}) with the deploy command`
  }
  const from = req.previous === null ? '' : ` from ${req.previous}`
  const how =
    runs === 'rollback'
      ? 'with the rollback command'
      : `by running the deploy command with RINA_RELEASE=${req.release} (no rollback command configured)`
  return `roll ${req.service} in ${req.env} back to ${req.release}${from} ${how}`
}
