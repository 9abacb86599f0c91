/**
 * @module fleet.json: what the supervisor runs — for each environment and service, the release-dir root whose
 * `current` it starts, the log file it writes, and the environment variables the service reads.
 */
import { FLEET_ENVS, FLEET_SERVICES, fleetPaths } from './layout.ts'
import type { FleetEnv, FleetPorts, FleetService } from './layout.ts'

export interface ManagedSpec {
  env: FleetEnv
  service: FleetService
  root: string
  log: string
  vars: Record<string, string>
}

export interface FleetManifest {
  ports: FleetPorts
  services: ManagedSpec[]
}

export function fleetManifest(dir: string, ports: FleetPorts): FleetManifest {
  const paths = fleetPaths(dir)
  const vars = (env: FleetEnv, service: FleetService): Record<string, string> => {
    const common = { HOST: '127.0.0.1', PORT: String(ports[env][service]), FLEET_ENV: env }
    if (service === 'worker') {
      return {
        ...common,
        HEARTBEAT_FILE: paths.heartbeat(env),
        API_URL: `http://127.0.0.1:${ports[env].api}`,
      }
    }
    if (service === 'electron-feed') return { ...common, FEED_PUBLIC_DIR: paths.feedPublic(env) }
    return common
  }
  return {
    ports,
    services: FLEET_ENVS.flatMap((env) =>
      FLEET_SERVICES.map((service) => ({
        env,
        service,
        root: paths.root(env, service),
        log: paths.log(env, service),
        vars: vars(env, service),
      })),
    ),
  }
}
