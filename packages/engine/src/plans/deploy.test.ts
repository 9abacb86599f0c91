import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { minimalConfig } from '../testing/context.ts'
import type { ProviderRequest } from '../providers/types.ts'
import { buildRunPlan, describePlan } from './deploy.ts'

const config = minimalConfig({
  environments: {
    staging: {
      health: { passes: 2, within: '20s', soak: '3s' },
      services: {
        website: {
          deploy: { type: 'command', deploy: './deploy/website.sh' },
          probes: [{ name: 'home', type: 'http', url: 'http://127.0.0.1:8080/' }],
        },
        api: {
          deploy: { type: 'command', deploy: './deploy/api.sh' },
          probes: [{ name: 'health', type: 'tcp', host: '127.0.0.1', port: 9000 }],
        },
      },
    },
    production: { services: { api: { deploy: { type: 'command', deploy: 'true' } } } },
  },
})
const planService = (service: string, r: ProviderRequest) => ({
  provider: 'fake',
  request: r,
  steps: [
    {
      id: `${service}:${r.kind}`,
      service,
      action: r.kind,
      description: `${r.kind} ${service} ${r.release}`,
      command: `./deploy/${service}.sh`,
    },
  ],
})

describe('buildRunPlan', () => {
  it('plans each service in configured order, then the health gate', () => {
    const plan = buildRunPlan({
      runId: 'run_1',
      env: 'staging',
      envConfig: config.environments.staging!,
      kind: 'deploy',
      release: '1.1.0',
      current: '1.0.0',
      planService,
    })
    assert.deepEqual(
      plan.services.map((s) => [s.service, s.previous, s.target, s.steps.map((x) => x.id)]),
      [
        ['website', '1.0.0', '1.1.0', ['website:deploy']],
        ['api', '1.0.0', '1.1.0', ['api:deploy']],
      ],
    )
    assert.deepEqual(
      { ...plan.health, probes: plan.health.probes.map((p) => `${p.service}/${p.config.name}`) },
      {
        passes: 2,
        within: '20s',
        withinMs: 20_000,
        soak: '3s',
        soakMs: 3_000,
        probes: ['website/home', 'api/health'],
      },
    )
  })

  it('plans only the named services when asked', () => {
    const plan = buildRunPlan({
      runId: 'r',
      env: 'staging',
      envConfig: config.environments.staging!,
      kind: 'rollback',
      release: '1.0.0',
      current: '1.1.0',
      services: ['api'],
      planService,
    })
    assert.deepEqual(
      plan.services.map((s) => s.steps[0]!.description),
      ['rollback api 1.0.0'],
    )
  })

  it('describes the plan with commands and probe targets for --dry-run', () => {
    const plan = buildRunPlan({
      runId: 'r',
      env: 'staging',
      envConfig: config.environments.staging!,
      kind: 'deploy',
      release: '1.1.0',
      current: null,
      planService,
    })
    assert.deepEqual(describePlan(plan), [
      'Plan: deploy 1.1.0 in staging (2 services, in order)',
      '  website (fake): nothing → 1.1.0',
      '    1. deploy website 1.1.0',
      '       $ ./deploy/website.sh',
      '  api (fake): nothing → 1.1.0',
      '    2. deploy api 1.1.0',
      '       $ ./deploy/api.sh',
      '  health gate: each of 2 probes passes 2× within 20s, then a 3s soak',
      '    - website/home (http) http://127.0.0.1:8080/',
      '    - api/health (tcp) 127.0.0.1:9000',
    ])
  })
})
