/**
 * @module Reads changes and history from git for preflight. Runs git without a shell (execFile), so refs and paths
 * are never interpreted; every failure comes back as a RinaError value, never a throw.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDiff } from '../analysis/preflight/parse-diff.ts'
import type { ChangeSet, FileChange, HistoryInput } from '../analysis/preflight/types.ts'
import type { Clock } from '../clock.ts'
import { RinaError } from '../errors.ts'
import { err, ok, type Result } from '../result.ts'

const MAX_BUFFER = 512 * 1024 * 1024
const DIFF_ARGS = [
  '-c',
  'core.quotepath=off',
  'diff',
  '--no-color',
  '--no-ext-diff',
  '--find-renames',
  '--unified=3',
]

export function git(cwd: string, args: string[]): Promise<Result<string, RinaError>> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      {
        cwd,
        maxBuffer: MAX_BUFFER,
        encoding: 'utf8',
        env: { ...process.env, GIT_PAGER: 'cat', LC_ALL: 'C' },
      },
      (e, stdout, stderr) => {
        if (!e) return resolve(ok(stdout))
        const missing = (e as NodeJS.ErrnoException).code === 'ENOENT'
        resolve(
          err(
            new RinaError({
              code: 'VCS_FAILED',
              message: missing
                ? 'git is not installed or not on PATH'
                : `git ${args
                    .filter((a) => a !== '-c' && !a.includes('='))
                    .slice(0, 2)
                    .join(' ')} failed: ${stderr.trim().split('\n')[0] ?? e.message}`,
              hint: missing
                ? 'Install git.'
                : 'Check that this is a git repository and that the refs exist (git fetch may help).',
              cause: e,
            }),
          ),
        )
      },
    )
  })
}

/** The change from `base` to `head` (both refs), as `git diff base head` shows it. */
export async function changeSetForRange(
  cwd: string,
  base: string,
  head: string,
): Promise<Result<ChangeSet, RinaError>> {
  for (const ref of [base, head]) {
    if (ref.startsWith('-')) return err(new RinaError({ code: 'USAGE', message: `invalid git ref "${ref}"` }))
    const v = await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
    if (!v.ok)
      return err(
        new RinaError({
          code: 'NOT_FOUND',
          message: `unknown git ref "${ref}"`,
          hint: 'Use a branch, tag or commit that exists locally.',
        }),
      )
  }
  const out = await git(cwd, [...DIFF_ARGS, base, head, '--'])
  return out.ok ? ok(parseDiff(out.value, { base, head })) : out
}

/** What `git commit` would record now. */
export async function changeSetStaged(cwd: string): Promise<Result<ChangeSet, RinaError>> {
  const out = await git(cwd, [...DIFF_ARGS, '--cached', '--'])
  return out.ok ? ok(parseDiff(out.value, { base: 'HEAD', head: 'staged' })) : out
}

/** Everything not yet committed: staged and unstaged changes against HEAD, plus untracked files as added. */
export async function changeSetWorkingTree(cwd: string): Promise<Result<ChangeSet, RinaError>> {
  const hasHead = (await git(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD'])).ok
  const out = await git(cwd, hasHead ? [...DIFF_ARGS, 'HEAD', '--'] : [...DIFF_ARGS, '--cached', '--'])
  if (!out.ok) return out
  const change = parseDiff(out.value, { base: hasHead ? 'HEAD' : null, head: 'working-tree' })
  const untracked = await git(cwd, ['ls-files', '--others', '--exclude-standard', '-z'])
  if (!untracked.ok) return untracked
  for (const path of untracked.value.split('\0').filter(Boolean))
    change.files.push(await untrackedFile(cwd, path))
  return ok(change)
}

async function untrackedFile(cwd: string, path: string): Promise<FileChange> {
  const buf = await readFile(join(cwd, path)).catch(() => Buffer.alloc(0))
  const binary = buf.subarray(0, 8000).includes(0)
  const lines = binary ? [] : buf.toString('utf8').split('\n')
  if (lines.at(-1) === '') lines.pop()
  const added = lines.map((text, i) => ({
    line: i + 1,
    text: text.endsWith('\r') ? text.slice(0, -1) : text,
  }))
  const hunk = {
    oldStart: 0,
    oldLines: 0,
    newStart: 1,
    newLines: added.length,
    section: '',
    lines: added.map((l) => ({ kind: 'add' as const, oldLine: null, newLine: l.line, text: l.text })),
  }
  return {
    path,
    oldPath: null,
    status: 'added',
    binary,
    hunks: added.length ? [hunk] : [],
    added,
    removed: [],
  }
}

/** The default branch: origin's HEAD when known, else a local main, master or trunk. */
export async function defaultBranch(cwd: string): Promise<Result<string, RinaError>> {
  const remote = await git(cwd, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])
  if (remote.ok && remote.value.trim()) return ok(remote.value.trim())
  for (const name of ['main', 'master', 'trunk', 'develop']) {
    if ((await git(cwd, ['rev-parse', '--verify', '--quiet', `refs/heads/${name}`])).ok) return ok(name)
  }
  return err(
    new RinaError({ code: 'NOT_FOUND', message: 'no default branch found', hint: 'Pass --base REF.' }),
  )
}

export async function mergeBase(cwd: string, a: string, b: string): Promise<Result<string, RinaError>> {
  const out = await git(cwd, ['merge-base', a, b])
  if (!out.ok)
    return err(
      new RinaError({ code: 'NOT_FOUND', message: `no common ancestor of ${a} and ${b}`, cause: out.error }),
    )
  return ok(out.value.trim())
}

/** Subjects that mark a commit as a fix. */
export const FIX_SUBJECT =
  /\b(?:fix(?:e[sd])?|bug(?:fix)?|hotfix|patch(?:ed)?|revert(?:ed|s)?|regression|crash(?:es|ed)?|broken|repair)\b/i

export interface HistoryOptions {
  /** How far back, in months, from `clock.now()`. */
  months: number
  clock: Clock
  /** Limit to these paths (relative to the repository root). */
  paths?: string[]
  /** Where history is read up to (default HEAD). */
  ref?: string
  /** Most commits to read (default 20,000). */
  maxCommits?: number
}

/** Commit count and fix-like commit count per file over the last N months. */
export async function fileHistory(
  cwd: string,
  opts: HistoryOptions,
): Promise<Result<HistoryInput, RinaError>> {
  const since = new Date(opts.clock.now().getTime())
  since.setUTCMonth(since.getUTCMonth() - opts.months)
  const cutoff = Math.floor(since.getTime() / 1000)
  // Dates are compared here rather than with --since, which stops walking at the first old commit it meets
  // (rebased or cherry-picked history is not in date order); --max-count bounds the cost on long histories.
  const args = [
    '-c',
    'core.quotepath=off',
    'log',
    opts.ref ?? 'HEAD',
    `--max-count=${opts.maxCommits ?? 20000}`,
    '--no-merges',
    '--no-renames',
    '--format=%x1e%ct %s',
    '--name-only',
    '--',
  ]
  const out = await git(cwd, opts.paths ? [...args, ...opts.paths] : args)
  if (!out.ok) return out
  const stats: HistoryInput = {}
  for (const record of out.value.split('\x1e').slice(1)) {
    const [head = '', ...files] = record.split('\n')
    const space = head.indexOf(' ')
    if (Number(head.slice(0, space)) < cutoff) continue
    const fix = FIX_SUBJECT.test(head.slice(space + 1))
    for (const file of files) {
      if (!file) continue
      const s = (stats[file] ??= { commits: 0, fixCommits: 0 })
      s.commits++
      if (fix) s.fixCommits++
    }
  }
  return ok(stats)
}
