/**
 * @module The rina.yml of the demo fleet: staging and production, four services each deployed by the release-dir
 * provider (the supervisor restarts the service after the switch), their probes and log files, a small health
 * gate, a console channel, and one approval (self-approval allowed: a one-person demo) before production.
 */
import { FLEET_CODE, FLEET_SERVICES, fleetPaths } from './layout.ts'
import type { FleetEnv, FleetPorts, FleetService } from './layout.ts'

export interface FleetConfigInput {
  dir: string
  ports: FleetPorts
  project?: string
}

/** YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (s: string) => JSON.stringify(s)
/** One word for a POSIX shell. */
const sh = (s: string) => (/^[\w./:@%+=-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`)

const KIND: Record<FleetService, string> = {
  website: 'website',
  api: 'api',
  worker: 'worker',
  'electron-feed': 'electron',
}

export function fleetConfigText({ dir, ports, project = 'rinawarp-shop' }: FleetConfigInput): string {
  const paths = fleetPaths(dir)
  const url = (env: FleetEnv, service: FleetService, path: string) =>
    q(`http://127.0.0.1:${ports[env][service]}${path}`)

  const probes = (env: FleetEnv, service: FleetService): string[] => {
    switch (service) {
      case 'website':
        return [
          `- { name: home, type: http, url: ${url(env, service, '/healthz')}, interval: 1s, timeout: 2s }`,
        ]
      case 'api':
        return [
          `- name: health`,
          `  type: http`,
          `  url: ${url(env, service, '/health')}`,
          `  interval: 1s`,
          `  timeout: 2s`,
          `  expect: { status: 200, json: { "$.status": "ok" }, maxLatency: 1s }`,
        ]
      case 'worker':
        return [
          `- { name: heartbeat, type: heartbeat, file: ${q(paths.heartbeat(env))}, staleAfter: 5s, interval: 1s }`,
        ]
      case 'electron-feed':
        return [
          `- name: feed`,
          `  type: electron-feed`,
          `  url: ${url(env, service, '/latest.yml')}`,
          `  checkArtifact: true`,
          `  verifySha512: true`,
          `  interval: 2s`,
          `  timeout: 3s`,
        ]
    }
  }

  const service = (env: FleetEnv, name: FleetService) => {
    const start = ['node', FLEET_CODE.ctl, '--dir', dir, 'restart', env, name].map(sh).join(' ')
    return [
      `${name}:`,
      `  kind: ${KIND[name]}`,
      `  deploy:`,
      `    type: release-dir`,
      `    root: ${q(paths.root(env, name))}`,
      `    source: ${q(paths.build(name, '{release}'))}`,
      `    keep: 5`,
      `    start: ${q(start)}`,
      `    timeout: 30s`,
      `  probes:`,
      ...probes(env, name).map((l) => `    ${l}`),
      `  logs:`,
      `    - { type: file, path: ${q(paths.log(env, name))}, from: end }`,
    ]
      .map((l) => `      ${l}`)
      .join('\n')
  }
  const services = (env: FleetEnv) => FLEET_SERVICES.map((s) => service(env, s)).join('\n')

  return `# rina.yml of the demo fleet in ${dir}: a website, an API, a worker and an Electron update feed,
# on loopback ports, in staging and production. Releases are built into builds/<service>/<release>/.
version: 1
project: ${project}

store:
  type: sqlite
  path: .rina/state.db

environments:
  staging:
    autoRollback: true
    # A small health gate for a demo: each probe passes twice within 20s, then 3s of watching.
    health: { passes: 2, within: 20s, soak: 3s }
    services:
${services('staging')}

  production:
    autoRollback: false
    health: { passes: 2, within: 20s, soak: 3s }
    approval:
      required: 1
      allowSelfApproval: true
      requirePassed: staging
    services:
${services('production')}

notifications:
  channels:
    terminal:
      type: console
      stream: stdout
  default: [terminal]
  routes:
    - events: ["*"]
      channels: [terminal]
`
}
