/** @module The heartbeat keys rina.yml configures, each with the probes that read it (pure). */
import type { RinaConfig } from '../../config/schema.ts'

export interface HeartbeatKeyUse {
  env: string
  service: string
  probe: string
  staleAfter: string
}

/** Every `key` of a heartbeat probe with the probes that read it, in config order. */
export function heartbeatKeys(config: RinaConfig): Map<string, HeartbeatKeyUse[]> {
  const keys = new Map<string, HeartbeatKeyUse[]>()
  for (const [env, environment] of Object.entries(config.environments)) {
    for (const [service, svc] of Object.entries(environment.services)) {
      for (const p of svc.probes) {
        if (p.type !== 'heartbeat' || p.key === undefined) continue
        const uses = keys.get(p.key) ?? []
        uses.push({ env, service, probe: p.name, staleAfter: p.staleAfter })
        keys.set(p.key, uses)
      }
    }
  }
  return keys
}
