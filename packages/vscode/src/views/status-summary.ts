/** @module The status bar's words from `GET /api/v1/status`: production's freeze and the overall health. */
import type { EnvStatus } from '../api/types.ts'

export interface StatusSummary {
  text: string
  tooltip: string
  /** 'error' when frozen or unhealthy, so the item stands out. */
  tone: 'normal' | 'warning' | 'error'
}

export function statusSummary(envs: readonly EnvStatus[], production: string): StatusSummary {
  const prod = envs.find((e) => e.env === production)
  const frozen = prod?.freeze.frozen ?? false
  const checked = envs.filter((e) => e.health)
  const unhealthy = checked.filter((e) => !e.health!.healthy)
  const health = checked.length === 0 ? 'unknown' : unhealthy.length ? 'unhealthy' : 'healthy'
  const freezeIcon = frozen ? '$(lock)' : '$(unlock)'
  const healthIcon = health === 'healthy' ? '$(pass)' : health === 'unhealthy' ? '$(error)' : '$(question)'
  const tips = envs.map((e) => {
    const h = e.health ? (e.health.healthy ? 'healthy' : 'unhealthy') : 'not checked'
    const f = e.freeze.frozen ? `frozen${e.freeze.manual ? ` (${e.freeze.manual.reason})` : ''}` : 'open'
    return `${e.env}: ${e.current ?? 'no release'} · ${f} · ${h}`
  })
  return {
    text: `${freezeIcon} ${production} ${frozen ? 'frozen' : 'open'} ${healthIcon} ${health}`,
    tooltip: [...tips, '', 'Click to open the AI Terminal Panel'].join('\n'),
    tone: unhealthy.length ? 'error' : frozen ? 'warning' : 'normal',
  }
}
