/** @module Names and paths of the demo fleet: environments, services and where each thing lives under its directory. */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const FLEET_ENVS = ['staging', 'production'] as const
export type FleetEnv = (typeof FLEET_ENVS)[number]

export const FLEET_SERVICES = ['website', 'api', 'worker', 'electron-feed'] as const
export type FleetService = (typeof FLEET_SERVICES)[number]

/** The folder under services/ holding each service's code. */
export const SERVICE_SOURCE: Record<FleetService, string> = {
  website: 'website',
  api: 'api',
  worker: 'worker',
  'electron-feed': 'feed',
}

export const FLEET_CODE = {
  services: fileURLToPath(new URL('./services/', import.meta.url)),
  supervisor: fileURLToPath(new URL('./supervisor.mjs', import.meta.url)),
  ctl: fileURLToPath(new URL('./supervisor-ctl.mjs', import.meta.url)),
}

/** Everything the fleet writes stays under `dir`. */
export function fleetPaths(dir: string) {
  return {
    dir,
    config: join(dir, 'rina.yml'),
    manifest: join(dir, 'fleet.json'),
    control: join(dir, 'run', 'supervisor.json'),
    supervisorLog: join(dir, 'logs', 'supervisor.log'),
    combinedLog: join(dir, 'logs', 'fleet.log'),
    /** Build output the release-dir provider copies from (`source`, with {release}). */
    build: (service: FleetService, release: string) => join(dir, 'builds', service, release),
    /** The release-dir provider's root: releases/<id>/ and the current symlink. */
    root: (env: FleetEnv, service: FleetService) => join(dir, env, service),
    log: (env: FleetEnv, service: FleetService) => join(dir, 'logs', env, `${service}.log`),
    heartbeat: (env: FleetEnv) => join(dir, 'run', env, 'worker.heartbeat'),
    /** The update feed's "bucket": what Electron clients download from. */
    feedPublic: (env: FleetEnv) => join(dir, 'data', env, 'feed'),
  }
}

export type FleetPaths = ReturnType<typeof fleetPaths>
export type FleetPorts = Record<FleetEnv, Record<FleetService, number>>
