/** @module What a release is built from: the commit at HEAD (id, subject, branch), for release ids and review. */
import type { RinaError } from '../errors.ts'
import type { Result } from '../result.ts'
import { ok } from '../result.ts'
import { git } from './git.ts'

export interface HeadInfo {
  commit: string
  shortId: string
  subject: string
  branch: string | null
  dirty: boolean
}

export async function headInfo(cwd: string): Promise<Result<HeadInfo, RinaError>> {
  const log = await git(cwd, ['log', '-1', '--format=%H%x00%s'])
  if (!log.ok) return log
  const [commit = '', subject = ''] = log.value.trim().split('\0')
  const branch = await git(cwd, ['rev-parse', '--abbrev-ref', 'HEAD'])
  const status = await git(cwd, ['status', '--porcelain', '--untracked-files=no'])
  return ok({
    commit,
    shortId: commit.slice(0, 12),
    subject,
    branch: branch.ok && branch.value.trim() !== 'HEAD' ? branch.value.trim() : null,
    dirty: status.ok && status.value.trim() !== '',
  })
}

/** One-line summaries of the commits in base..head (newest first), for review. */
export async function commitsBetween(
  cwd: string,
  base: string | null,
  head: string,
  limit = 50,
): Promise<Result<string[], RinaError>> {
  const range = base ? `${base}..${head}` : head
  const r = await git(cwd, ['log', `--max-count=${limit}`, '--format=%h %s (%an)', range, '--'])
  return r.ok ? ok(r.value.split('\n').filter(Boolean)) : r
}

/** `git diff --shortstat` between two commits, e.g. "3 files changed, 40 insertions(+), 2 deletions(-)". */
export async function diffStat(cwd: string, base: string, head: string): Promise<Result<string, RinaError>> {
  const r = await git(cwd, ['diff', '--shortstat', base, head, '--'])
  return r.ok ? ok(r.value.trim()) : r
}
