/**
 * @module Builds fleet releases: for each service, `builds/<service>/<release>/` holds a copy of the service code,
 * the shared lib and a release.json (version, notes, faults baked in); the feed's adds its installer and
 * latest.yml. These folders are what the release-dir provider places (its `source`).
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FLEET_CODE, FLEET_SERVICES, SERVICE_SOURCE, fleetPaths } from './layout.ts'
import type { FleetService } from './layout.ts'
import { installerFor, latestYml } from './installer.ts'

/** Fault switches; every service knows errorRate, latencyMs and crash, the feed staleFeed, the worker stall. */
export interface Faults {
  /** Share of requests (of jobs, for the worker) that fail, 0..1, spread evenly. */
  errorRate?: number
  latencyMs?: number
  crash?: boolean
  staleFeed?: boolean
  stall?: boolean
}

export interface BuildOptions {
  /** Release id; the version by default. */
  release?: string
  services?: readonly FleetService[]
  /** Faults baked into the release, per service. */
  faults?: Partial<Record<FleetService, Faults>>
  notes?: string
}

export interface BuiltRelease {
  service: FleetService
  release: string
  version: string
  path: string
}

const NOTES: Record<string, string> = {
  '1.0.0': 'Browse the catalogue and order in two clicks.',
  '1.1.0': 'New: prices shown in your currency, and a faster checkout.',
}

export function buildRelease(
  dir: string,
  version: string,
  now: Date,
  opts: BuildOptions = {},
): BuiltRelease[] {
  const paths = fleetPaths(dir)
  const release = opts.release ?? version
  if (!/^[\w.+-]+$/.test(release))
    throw new Error(`release id "${release}" may only hold letters, digits, . + - _`)
  return (opts.services ?? FLEET_SERVICES).map((service) => {
    const out = paths.build(service, release)
    const source = SERVICE_SOURCE[service]
    rmSync(out, { recursive: true, force: true })
    mkdirSync(out, { recursive: true })
    cpSync(join(FLEET_CODE.services, source), join(out, source), { recursive: true })
    cpSync(join(FLEET_CODE.services, 'lib'), join(out, 'lib'), { recursive: true })
    if (service === 'electron-feed') {
      const installer = installerFor(version)
      mkdirSync(join(out, 'artifacts'))
      writeFileSync(join(out, 'artifacts', installer.name), installer.bytes)
      writeFileSync(join(out, 'artifacts', 'latest.yml'), latestYml(version, installer, now))
    }
    const manifest = {
      service,
      version,
      release,
      main: `${source}/main.mjs`,
      notes: opts.notes ?? NOTES[version] ?? `Release ${version}.`,
      builtAt: now.toISOString(),
      faults: opts.faults?.[service] ?? {},
    }
    writeFileSync(join(out, 'release.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    return { service, release, version, path: out }
  })
}
