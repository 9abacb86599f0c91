/**
 * @module What a person sees before confirming a production deploy: the release that would go (staging's),
 * freeze, approvals and health. Pure text from the API answers, so it is tested without an editor.
 */
import type { EnvStatus, HealthCheckAnswer, Review } from '../api/types.ts'

export interface ProductionFacts {
  release: string | null
  lines: string[]
  /** Things the server's gates will refuse, as the person should know before confirming. */
  blockers: string[]
}

export function productionFacts(
  staging: EnvStatus | undefined,
  production: EnvStatus,
  review: Review | null,
  health: HealthCheckAnswer | null,
): ProductionFacts {
  const release = staging?.current ?? null
  const lines: string[] = []
  const blockers: string[] = []
  lines.push(
    `Release: ${release ?? 'none on staging'} (production runs ${production.current ?? 'nothing yet'})`,
  )
  if (production.freeze.frozen) {
    const m = production.freeze.manual
    const why = m ? `by ${m.by.id}: ${m.reason}` : 'by a freeze window'
    lines.push(`Freeze: FROZEN ${why}`)
    blockers.push(`${production.env} is frozen ${why}`)
  } else lines.push('Freeze: not frozen')
  if (review) {
    const need = review.approvalsNeeded
    const by = (review.approvals[production.env] ?? []).map((a) => a.by.id)
    lines.push(`Approvals: ${need.counting} of ${need.required}${by.length ? ` (${by.join(', ')})` : ''}`)
    if (need.counting < need.required)
      blockers.push(`${need.required - need.counting} more approval(s) of ${release} needed`)
  } else lines.push('Approvals: unknown (no release to review)')
  const env = health?.environments[0]
  if (env) {
    const bad = env.results.filter((r) => !r.ok)
    lines.push(
      `Health: ${env.healthy ? 'healthy' : 'UNHEALTHY'} (${env.results.length - bad.length}/${env.results.length} probes)`,
    )
    for (const r of bad) lines.push(`  ${r.service}/${r.probe}: ${r.detail}`)
  } else lines.push('Health: not checked')
  if (production.lock) blockers.push(`a deploy is running (${production.lock.holder})`)
  return { release, lines, blockers }
}
