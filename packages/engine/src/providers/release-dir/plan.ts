/**
 * @module The release-dir plan as data. Deploy: place → switch → start (when configured) → prune. Rollback:
 * switch back → start. Paths are resolved here, once, so each step carries everything it needs; nothing is read.
 */
import { resolve } from 'node:path'
import { rinaEnv } from '../rina-env.ts'
import type { DeployPlan, PlanStep, ProviderRequest } from '../types.ts'
import { currentLink, linkText, releaseDir, releasesDir } from './layout.ts'

export interface ReleaseDirSettings {
  /** Absolute root holding releases/ and current. */
  root: string
  /** Build directory as configured (may hold `{release}`), absolute. */
  source: string
  keep: number
  start: string | undefined
  env: Readonly<Record<string, string>>
  timeoutMs: number
}

export function planReleaseDir(s: ReleaseDirSettings, req: ProviderRequest): DeployPlan {
  const { root } = s
  const id = req.release
  const at = (action: string, description: string, extra: Partial<PlanStep> = {}): PlanStep => ({
    id: `${req.service}:${action}`,
    service: req.service,
    action,
    description,
    ...extra,
    data: { root, release: id, ...extra.data },
  })
  const was = req.previous === null ? '' : ` (was ${req.previous})`
  const switchStep =
    req.kind === 'deploy'
      ? at('switch', `switch ${currentLink(root)} to ${linkText(id)}${was}`)
      : at(
          'switch',
          `switch ${currentLink(root)} back to ${linkText(id)}${was}; fails if it is no longer there`,
        )
  const start =
    s.start === undefined
      ? []
      : [
          at('start', `run the start command in ${currentLink(root)} for ${req.service} ${id}`, {
            command: s.start,
            env: rinaEnv(req, s.env),
            cwd: currentLink(root),
            timeoutMs: s.timeoutMs,
          }),
        ]
  if (req.kind === 'rollback') return { provider: 'release-dir', request: req, steps: [switchStep, ...start] }

  const source = resolve(s.source.replaceAll('{release}', id))
  const protect = req.previous === null ? [id] : [id, req.previous]
  return {
    provider: 'release-dir',
    request: req,
    steps: [
      at('place', `copy ${source} to ${releaseDir(root, id)} (skipped when already complete)`, {
        data: { source },
      }),
      switchStep,
      ...start,
      at(
        'prune',
        `remove old releases in ${releasesDir(root)}, keeping the newest ${s.keep} and ${protect.join(', ')}`,
        { data: { keep: s.keep, protect } },
      ),
    ],
  }
}
