/**
 * @module The demo fleet, driven from code: `createFleet({ dir })` picks loopback ports and writes fleet.json and
 * rina.yml under `dir`; then `build` releases, `start` the supervisor, inject faults into running services, read
 * their status, and `stop` with no process left behind. Used by `npm run demo` and the end-to-end tests.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Clock } from '../../packages/engine/src/clock.ts'
import { systemClock } from '../../packages/engine/src/clock.ts'
import { RinaError } from '../../packages/engine/src/errors.ts'
import { readCurrent } from '../../packages/engine/src/providers/release-dir/current.ts'
import { placeRelease } from '../../packages/engine/src/providers/release-dir/place.ts'
import { switchCurrent } from '../../packages/engine/src/providers/release-dir/switch.ts'
import { buildRelease } from './build.ts'
import type { BuildOptions, BuiltRelease, Faults } from './build.ts'
import { fleetConfigText } from './config.ts'
import { FLEET_ENVS, FLEET_SERVICES, fleetPaths } from './layout.ts'
import type { FleetEnv, FleetPaths, FleetPorts, FleetService } from './layout.ts'
import { fleetManifest } from './manifest.ts'
import { pickPorts } from './ports.ts'
import { spawnSupervisor } from './supervisor-process.ts'
import type { SupervisorHandle } from './supervisor-process.ts'

export interface FleetOptions {
  /** The one directory everything is written under (created when missing). */
  dir: string
  /** Use basePort, basePort+1, … (8 ports) instead of free ones. A fleet.json already in `dir` keeps its ports. */
  basePort?: number
  /** Stamps release dates into builds. */
  clock?: Clock
  project?: string
}

export interface ServiceStatus {
  env: FleetEnv
  service: FleetService
  state: 'starting' | 'running' | 'backoff' | 'stopped' | 'absent'
  pid: number | null
  release: string | null
  version: string | null
  /** Restarts after crashes. */
  restarts: number
  startedAt: string | null
  lastExit: { code: number | null; signal: string | null; at: string } | null
  log: string
}

export type RestartResult =
  { ok: true; pid: number; release: string; version: string } | { ok: false; reason: string }

export interface Fleet {
  readonly dir: string
  readonly paths: FleetPaths
  readonly ports: FleetPorts
  /** Base URL of every service, e.g. urls.staging.api = http://127.0.0.1:40123 (the worker's is its control port). */
  readonly urls: Record<FleetEnv, Record<FleetService, string>>
  /** A complete rina.yml for this fleet, also written to paths.config. */
  readonly configText: string
  /** Pid of the running supervisor (leader of the fleet's process group), or null. */
  readonly supervisorPid: number | null
  build(version: string, opts?: BuildOptions): BuiltRelease[]
  /**
   * Places a built release and switches `current` to it with the release-dir provider's own steps, outside any
   * deploy (for baselines and tests). It does not restart anything: see restart().
   */
  install(env: FleetEnv, release: string, services?: readonly FleetService[]): Promise<void>
  /** The release `current` points at, or null. */
  current(env: FleetEnv, service: FleetService): Promise<string | null>
  /** Starts the supervisor and every deployed service; resolves once they answer. */
  start(): Promise<void>
  stop(): Promise<void>
  /**
   * Runs the release `current` points at: the new process starts beside the old one, which drains once the new
   * one is ready; resolves when the old one has left (or with the reason the new one did not start).
   */
  restart(env: FleetEnv, service: FleetService): Promise<RestartResult>
  status(): Promise<ServiceStatus[]>
  /** Replaces the running service's faults ({} clears them); answers the faults now in force. */
  fault(env: FleetEnv, service: FleetService, faults: Faults): Promise<Faults>
  /** Clears the faults of every running service (or of one environment). */
  clearFaults(env?: FleetEnv): Promise<void>
}

export async function createFleet(opts: FleetOptions): Promise<Fleet> {
  const { dir } = opts
  const paths = fleetPaths(dir)
  const clock = opts.clock ?? systemClock
  mkdirSync(dir, { recursive: true })
  const ports: FleetPorts =
    opts.basePort === undefined && existsSync(paths.manifest)
      ? (JSON.parse(readFileSync(paths.manifest, 'utf8')) as { ports: FleetPorts }).ports
      : await pickPorts(opts.basePort)
  writeFileSync(paths.manifest, `${JSON.stringify(fleetManifest(dir, ports), null, 2)}\n`)
  const configText = fleetConfigText({ dir, ports, project: opts.project })
  writeFileSync(paths.config, configText)
  const urls = Object.fromEntries(
    FLEET_ENVS.map((env) => [
      env,
      Object.fromEntries(FLEET_SERVICES.map((s) => [s, `http://127.0.0.1:${ports[env][s]}`])),
    ]),
  ) as Fleet['urls']
  let supervisor: SupervisorHandle | null = null

  const control = async (path: string, method = 'POST'): Promise<{ status: number; body: unknown }> => {
    if (supervisor === null) throw new RinaError({ code: 'USAGE', message: 'the fleet is not started' })
    const res = await fetch(`${supervisor.url}${path}`, { method, signal: AbortSignal.timeout(30_000) })
    return { status: res.status, body: await res.json() }
  }

  const status = async (): Promise<ServiceStatus[]> =>
    ((await control('/status', 'GET')).body as { services: ServiceStatus[] }).services

  const fault = async (env: FleetEnv, service: FleetService, faults: Faults): Promise<Faults> => {
    const target = `${urls[env][service]}/__fault`
    const res = await fetch(target, { method: 'POST', body: JSON.stringify(faults) }).catch((e: Error) => {
      throw new RinaError({ code: 'NOT_FOUND', message: `${env}/${service} is not running`, cause: e })
    })
    const body = (await res.json()) as { faults?: Faults; error?: string }
    if (!res.ok)
      throw new RinaError({ code: 'USAGE', message: `${env}/${service}: ${body.error ?? res.status}` })
    return body.faults ?? {}
  }

  return {
    dir,
    paths,
    ports,
    urls,
    configText,
    get supervisorPid() {
      return supervisor?.pid ?? null
    },
    build: (version, buildOpts) => buildRelease(dir, version, clock.now(), buildOpts),
    async install(env, release, services = FLEET_SERVICES) {
      for (const service of services) {
        const root = paths.root(env, service)
        mkdirSync(root, { recursive: true })
        const placed = await placeRelease(root, release, paths.build(service, release), clock.now())
        const switched = placed.ok ? await switchCurrent(root, release) : placed
        if (!switched.ok)
          throw new RinaError({ code: 'DEPLOY_FAILED', message: `${env}/${service}: ${switched.reason}` })
      }
    },
    current: (env, service) => readCurrent(paths.root(env, service)),
    async start() {
      supervisor ??= await spawnSupervisor(dir)
    },
    async stop() {
      const s = supervisor
      supervisor = null
      await s?.stop()
    },
    restart: async (env, service) => (await control(`/restart/${env}/${service}`)).body as RestartResult,
    status,
    fault,
    async clearFaults(env) {
      const running = (await status()).filter((s) => s.pid !== null && (env === undefined || s.env === env))
      await Promise.all(running.map((s) => fault(s.env, s.service, {})))
    },
  }
}
