/**
 * @module The human behind a CLI command: RINA_USER, else git user.email, else the OS user.
 * Agents and the system have their own actor kinds and never come from here.
 */
import { execFileSync } from 'node:child_process'
import { userInfo } from 'node:os'
import type { Actor } from '../domain/actor.ts'
import { humanActor } from '../domain/actor.ts'

export interface IdentitySources {
  env: Record<string, string | undefined>
  cwd: string
  gitEmail?: (cwd: string) => string | null
  osUser?: () => string | null
}

export function resolveHuman(src: IdentitySources): Actor {
  const fromEnv = src.env.RINA_USER?.trim()
  if (fromEnv) return humanActor(fromEnv)
  const email = (src.gitEmail ?? gitEmail)(src.cwd)
  if (email) return humanActor(email)
  return humanActor((src.osUser ?? osUser)() ?? 'unknown')
}

function gitEmail(cwd: string): string | null {
  try {
    const out = execFileSync('git', ['config', 'user.email'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 2000,
    })
    return out.trim() || null
  } catch {
    return null
  }
}

function osUser(): string | null {
  try {
    return userInfo().username || null
  } catch {
    return null
  }
}
