/**
 * @module The deploy or rollback plan of one run, as data: per service, in configured order, the provider's steps;
 * then the health gate and the soak. Printable with --dry-run; executed by runner/.
 */
import type { EnvironmentConfig, ProbeConfig } from '../config/schema.ts'
import { parseDuration } from '../domain/duration.ts'
import type { DeployPlan, PlanStep, ProviderRequest } from '../providers/types.ts'

export interface ServicePlan {
  service: string
  provider: string
  previous: string | null
  target: string
  steps: PlanStep[]
}

export interface RunPlan {
  runId: string
  env: string
  release: string
  kind: 'deploy' | 'rollback'
  services: ServicePlan[]
  health: {
    passes: number
    within: string
    withinMs: number
    soak: string
    soakMs: number
    probes: { service: string; config: ProbeConfig }[]
  }
}

export interface PlanInput {
  runId: string
  env: string
  envConfig: EnvironmentConfig
  kind: 'deploy' | 'rollback'
  /** The release to deploy, or to roll back to. */
  release: string
  /** What runs now (null on a first deploy). */
  current: string | null
  /** Only these services (default: all, in configured order). */
  services?: readonly string[]
  /** The provider's pure planning function for a service. */
  planService(service: string, req: ProviderRequest): DeployPlan
}

export function buildRunPlan(input: PlanInput): RunPlan {
  const names = Object.keys(input.envConfig.services).filter(
    (s) => !input.services || input.services.includes(s),
  )
  const services = names.map((service): ServicePlan => {
    const req: ProviderRequest = {
      kind: input.kind,
      env: input.env,
      service,
      release: input.release,
      previous: input.current,
    }
    const plan = input.planService(service, req)
    return {
      service,
      provider: plan.provider,
      previous: input.current,
      target: input.release,
      steps: plan.steps,
    }
  })
  const h = input.envConfig.health
  return {
    runId: input.runId,
    env: input.env,
    release: input.release,
    kind: input.kind,
    services,
    health: {
      passes: h.passes,
      within: h.within,
      withinMs: parseDuration(h.within) ?? 120_000,
      soak: h.soak,
      soakMs: parseDuration(h.soak) ?? 60_000,
      probes: names.flatMap((service) =>
        input.envConfig.services[service]!.probes.map((config) => ({ service, config })),
      ),
    },
  }
}

export const allSteps = (plan: RunPlan): PlanStep[] => plan.services.flatMap((s) => s.steps)

/** The plan as lines a person reads (rina deploy --dry-run). */
export function describePlan(plan: RunPlan): string[] {
  const verb = plan.kind === 'deploy' ? 'deploy' : 'roll back to'
  const lines = [
    `Plan: ${verb} ${plan.release} in ${plan.env} (${plan.services.length} service${plan.services.length === 1 ? '' : 's'}, in order)`,
  ]
  let n = 0
  for (const s of plan.services) {
    lines.push(`  ${s.service} (${s.provider}): ${s.previous ?? 'nothing'} → ${s.target}`)
    for (const step of s.steps) {
      lines.push(`    ${++n}. ${step.description}`)
      if (step.command) lines.push(`       $ ${step.command}${step.cwd ? `   (in ${step.cwd})` : ''}`)
    }
  }
  const probes = plan.health.probes
  lines.push(
    `  health gate: each of ${probes.length} probes passes ${plan.health.passes}× within ${plan.health.within}, then a ${plan.health.soak} soak`,
  )
  for (const p of probes)
    lines.push(`    - ${p.service}/${p.config.name} (${p.config.type})${probeTarget(p.config)}`)
  return lines
}

function probeTarget(p: ProbeConfig): string {
  if ('url' in p) return ` ${p.url}`
  if (p.type === 'tcp' || p.type === 'tls') return ` ${p.host}:${p.port}`
  if (p.type === 'command') return ` $ ${p.run}`
  if (p.type === 'heartbeat') return ` ${p.file ?? p.key} (stale after ${p.staleAfter})`
  return ''
}
