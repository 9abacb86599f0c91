/**
 * @module Which change preflight reads: from --base, else the release on staging, else the merge base with the
 * default branch, to --head or HEAD; or the staged changes; or the whole working tree. Read-only.
 */
import { RinaError } from '../errors.ts'
import { defaultBranch, git, mergeBase } from '../vcs/git.ts'
import type { CommandContext } from './context.ts'

export interface PreflightOptions {
  base?: string | undefined
  head?: string | undefined
  /** What `git commit` would record now. */
  staged?: boolean | undefined
  /** Everything not yet committed, untracked files included. */
  workingTree?: boolean | undefined
  /** The environment whose current release is the default base (default: staging). */
  env?: string | undefined
}

export type PreflightMode = 'range' | 'staged' | 'working-tree'

export interface PreflightRange {
  mode: PreflightMode
  /** The repository containing rina.yml (its top level). */
  root: string
  /** Commit the change is measured from; HEAD's commit in staged and working-tree modes (null before any commit). */
  base: string | null
  /** Commit the change is measured to; "staged" or "working-tree" in those modes. */
  head: string
  /** Where the base came from. */
  baseFrom: 'option' | 'release' | 'merge-base' | 'head'
  /** The release whose commit is the base, when baseFrom is "release". */
  release: string | null
  /** One line a person reads, e.g. "release r41 on staging (3f2a9c1) → HEAD (9e8d7c6)". */
  description: string
  /** What a person should know about how the change was read (fallbacks, an empty range). */
  notes: string[]
}

/** The mode the options ask for; a USAGE error when they contradict each other. */
export function preflightMode(opts: PreflightOptions): PreflightMode {
  if (opts.staged && opts.workingTree) throw usage('--staged and --working-tree exclude each other')
  const mode = opts.staged ? 'staged' : opts.workingTree ? 'working-tree' : 'range'
  if (mode !== 'range' && (opts.base !== undefined || opts.head !== undefined))
    throw usage(`--${mode} reads uncommitted changes against HEAD: it takes no --base or --head`)
  for (const [flag, ref] of [
    ['--base', opts.base],
    ['--head', opts.head],
  ] as const) {
    if (ref !== undefined && (ref.trim() === '' || ref.startsWith('-')))
      throw usage(`${flag} "${ref}" is not a git ref`)
  }
  return mode
}

export async function resolveRange(
  ctx: CommandContext,
  opts: PreflightOptions = {},
): Promise<PreflightRange> {
  const mode = preflightMode(opts)
  const root = await repoRoot(ctx.configDir)
  if (mode !== 'range') {
    const head = await commitOf(root, 'HEAD')
    const label = head ? `HEAD (${short(head)})` : 'an empty repository'
    return {
      mode,
      root,
      base: head,
      head: mode,
      baseFrom: 'head',
      release: null,
      description: `${label} → ${mode}`,
      notes: [],
    }
  }
  const headRef = opts.head ?? 'HEAD'
  const head = await commitOf(root, headRef)
  if (!head) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: headRef === 'HEAD' ? 'the repository has no commits yet' : `unknown git ref "${headRef}"`,
      hint:
        headRef === 'HEAD'
          ? 'commit first, or read uncommitted changes with --working-tree'
          : 'use a branch, tag or commit that exists locally',
    })
  }
  const notes: string[] = []
  const base = await resolveBase(ctx, root, opts, head, notes)
  if (base.commit === head) notes.push('base and head are the same commit: there is no change to analyse')
  return {
    mode,
    root,
    base: base.commit,
    head,
    baseFrom: base.from,
    release: base.release,
    description: `${base.label} (${short(base.commit)}) → ${headRef} (${short(head)})`,
    notes,
  }
}

interface Base {
  commit: string
  from: PreflightRange['baseFrom']
  release: string | null
  label: string
}

async function resolveBase(
  ctx: CommandContext,
  root: string,
  opts: PreflightOptions,
  head: string,
  notes: string[],
): Promise<Base> {
  if (opts.base !== undefined) {
    const commit = await commitOf(root, opts.base)
    if (!commit)
      throw new RinaError({
        code: 'NOT_FOUND',
        message: `unknown git ref "${opts.base}"`,
        hint: 'use a branch, tag or commit that exists locally',
      })
    return { commit, from: 'option', release: null, label: opts.base }
  }
  const env = opts.env ?? 'staging'
  const state = await ctx.journal.state()
  const current = state.environments[env]?.current ?? null
  const recorded = current ? (state.releases[current]?.commit ?? null) : null
  if (current && recorded) {
    const commit = await commitOf(root, recorded)
    if (commit) return { commit, from: 'release', release: current, label: `release ${current} on ${env}` }
    notes.push(
      `the commit of release ${current} on ${env} (${short(recorded)}) is not in this repository; using the merge base`,
    )
  } else if (current) {
    notes.push(`release ${current} on ${env} has no recorded commit; using the merge base`)
  }
  const branch = await defaultBranch(root)
  if (!branch.ok) throw branch.error
  const mb = await mergeBase(root, branch.value, head)
  if (!mb.ok) throw new RinaError({ code: 'NOT_FOUND', message: mb.error.message, hint: 'pass --base REF' })
  return { commit: mb.value, from: 'merge-base', release: null, label: `merge base with ${branch.value}` }
}

/** The top level of the git repository containing `dir`. */
export async function repoRoot(dir: string): Promise<string> {
  const out = await git(dir, ['rev-parse', '--show-toplevel'])
  if (out.ok) return out.value.trim()
  throw new RinaError({
    code: 'VCS_FAILED',
    message: `${dir} is not inside a git repository`,
    hint: 'preflight reads the change from git: run it in the repository that holds rina.yml',
    cause: out.error,
  })
}

/** The full commit id a ref names, or null when it names none. */
export async function commitOf(root: string, ref: string): Promise<string | null> {
  if (ref.startsWith('-')) return null
  const out = await git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])
  return out.ok ? out.value.trim() : null
}

const short = (commit: string) => commit.slice(0, 7)

const usage = (message: string) =>
  new RinaError({
    code: 'USAGE',
    message,
    hint: 'rina preflight [--base REF] [--head REF] | --staged | --working-tree',
  })
