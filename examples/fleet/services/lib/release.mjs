/** @module The release a service runs: release.json beside the service folders (version, notes, faults baked in). */
import { readFileSync } from 'node:fs'

/**
 * Reads `<release>/release.json`. Services live in `<release>/<service>/main.mjs`, this file in `<release>/lib/`.
 * @returns {{ version: string, service: string, notes: string, builtAt: string, faults: Record<string, unknown> }}
 */
export function readRelease() {
  const text = readFileSync(new URL('../release.json', import.meta.url), 'utf8')
  const release = JSON.parse(text)
  return { notes: '', builtAt: '', faults: {}, ...release }
}

/** Settings from the environment the supervisor gives each service. */
export function settings() {
  return {
    host: process.env.HOST || '127.0.0.1',
    port: Number(process.env.PORT || 0),
    env: process.env.FLEET_ENV || 'local',
  }
}
