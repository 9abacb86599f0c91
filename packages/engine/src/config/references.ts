/**
 * @module Cross-references in rina.yml: the required environments exist, and every channel and environment a
 * route, default or freeze window names is defined. Reads partly invalid data safely, so these problems are
 * reported together with every other one.
 */
import type { PathSegment } from './issue.ts'
import { suggestHint } from './suggest.ts'

export interface ReferenceIssue {
  path: PathSegment[]
  message: string
  hint: string
}

export const REQUIRED_ENVIRONMENTS = ['staging', 'production'] as const

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

export function referenceIssues(config: unknown): ReferenceIssue[] {
  if (!isRecord(config)) return []
  const out: ReferenceIssue[] = []
  const envsValue = config['environments']
  const envs = isRecord(envsValue) ? Object.keys(envsValue) : null
  const notifications = isRecord(config['notifications']) ? config['notifications'] : {}
  const channels = isRecord(notifications['channels']) ? Object.keys(notifications['channels']) : []

  if (envs !== null) {
    for (const required of REQUIRED_ENVIRONMENTS) {
      if (!envs.includes(required)) {
        out.push({
          path: ['environments'],
          message: `an environment named ${required} is required`,
          hint: `add environments.${required} (releases are promoted staging → production)`,
        })
      }
    }
  }
  const checkChannel = (ch: unknown, path: PathSegment[]) => {
    if (typeof ch === 'string' && !channels.includes(ch)) {
      out.push({
        path,
        message: `unknown channel "${ch}"`,
        hint: `define it under notifications.channels; ${suggestHint(ch, channels, 'defined channels')}`,
      })
    }
  }
  const checkEnv = (env: unknown, path: PathSegment[]) => {
    if (envs !== null && typeof env === 'string' && !envs.includes(env)) {
      out.push({
        path,
        message: `unknown environment "${env}"`,
        hint: suggestHint(env, envs, 'environments'),
      })
    }
  }
  list(notifications['default']).forEach((ch, i) => checkChannel(ch, ['notifications', 'default', i]))
  list(notifications['routes']).forEach((r, i) => {
    if (!isRecord(r)) return
    list(r['channels']).forEach((ch, j) => checkChannel(ch, ['notifications', 'routes', i, 'channels', j]))
    list(r['environments']).forEach((e, j) => checkEnv(e, ['notifications', 'routes', i, 'environments', j]))
  })
  const freeze = isRecord(config['freeze']) ? config['freeze'] : {}
  list(freeze['windows']).forEach((w, i) => {
    if (!isRecord(w)) return
    list(w['environments']).forEach((e, j) => checkEnv(e, ['freeze', 'windows', i, 'environments', j]))
  })
  return out
}
