/**
 * @module Preflight commands: read the change about to ship from git, analyse it (pure), and journal the result
 * for the release so reviewers and approvers see it. The gate that blocks a no-go is gates/preflight.ts.
 */
import { realpath } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { analyzePreflight } from '../analysis/preflight/analyze.ts'
import type { ChangeSet, HistoryInput, PreflightReport } from '../analysis/preflight/types.ts'
import { severityRank } from '../analysis/preflight/types.ts'
import type { EventPayloads, JournalEvent } from '../domain/events.ts'
import { acceptanceReason, preflightGate, riskAccepted } from '../gates/preflight.ts'
import type { Result } from '../result.ts'
import { isRinaError, type RinaError } from '../errors.ts'
import { changeSetForRange, changeSetStaged, changeSetWorkingTree, fileHistory } from '../vcs/git.ts'
import type { CommandContext } from './context.ts'
import { enforce } from './gate.ts'
import type { PreflightOptions, PreflightRange } from './preflight-range.ts'
import { resolveRange } from './preflight-range.ts'

export { commitOf, preflightMode, repoRoot, resolveRange } from './preflight-range.ts'
export type { PreflightMode, PreflightOptions, PreflightRange } from './preflight-range.ts'

/** Findings a preflight.completed event carries; the full report stays with the face that ran it. */
export const JOURNALED_FINDINGS = 50

/** History is read for at most this many paths by name; a larger change reads the whole log once. */
const HISTORY_PATHS = 200

export interface PreflightRun {
  report: PreflightReport
  range: PreflightRange
}

export async function runPreflight(ctx: CommandContext, opts: PreflightOptions = {}): Promise<PreflightRun> {
  ctx.progress?.('resolving the range')
  const range = await resolveRange(ctx, opts)
  ctx.progress?.(`reading ${range.description}`)
  const change = await withoutStore(ctx, range, unwrap(await readChange(range)))
  ctx.progress?.(`reading the history of ${change.files.length} files`)
  const history = await readHistory(ctx, range, change)
  ctx.progress?.(`analysing ${change.files.length} files`)
  const electron = Object.values(ctx.config.environments).some((e) =>
    Object.values(e.services).some((s) => s.kind === 'electron'),
  )
  const report = analyzePreflight(change, { config: ctx.config.preflight, history, project: { electron } })
  return { report, range }
}

/** Appends one preflight.completed event for the release; the accept-risk text is its reason. */
export async function recordPreflight(
  ctx: CommandContext,
  req: { release: string; env: string; report: PreflightReport; acceptRisk?: string | null | undefined },
): Promise<JournalEvent<'preflight.completed'>> {
  const { report } = req
  const findings: EventPayloads['preflight.completed']['findings'] = [...report.findings]
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
    .slice(0, JOURNALED_FINDINGS)
    .map((f) => ({ ruleId: f.ruleId, severity: f.severity, file: f.file, line: f.line, message: f.message }))
  return ctx.journal.appendOne({
    type: 'preflight.completed',
    actor: ctx.actor,
    reason: acceptanceReason(req.acceptRisk),
    payload: {
      release: req.release,
      env: req.env,
      decision: report.decision,
      score: report.score,
      summary: report.summary,
      findings,
      acceptedRisk: riskAccepted(report, req.acceptRisk, ctx.actor),
    },
  })
}

/**
 * The preflight step of a deploy to the first environment: analyse from the release on that environment to HEAD,
 * journal the result once, then gate it. A no-go throws GATE_DENIED unless a person accepted the risk. Where there
 * is no change to read (no git repository, no base to measure from), the step is journaled as skipped.
 */
export async function deployPreflight(
  ctx: CommandContext,
  req: { release: string; env: string; acceptRisk?: string | null | undefined },
): Promise<JournalEvent<'preflight.completed'>> {
  let run: PreflightRun
  try {
    run = await runPreflight(ctx, { env: req.env })
  } catch (e) {
    if (!isRinaError(e, 'VCS_FAILED') && !isRinaError(e, 'NOT_FOUND')) throw e
    return ctx.journal.appendOne({
      type: 'preflight.completed',
      actor: ctx.actor,
      reason: acceptanceReason(req.acceptRisk),
      payload: {
        release: req.release,
        env: req.env,
        decision: 'skipped',
        score: null,
        summary: `preflight skipped: ${e.message}`,
        findings: [],
        acceptedRisk: false,
      },
    })
  }
  const event = await recordPreflight(ctx, { ...req, report: run.report })
  enforce(preflightGate(run.report, req.acceptRisk, ctx.actor), `Deploy of ${req.release} to ${req.env}`)
  return event
}

function readChange(range: PreflightRange): Promise<Result<ChangeSet, RinaError>> {
  if (range.mode === 'staged') return changeSetStaged(range.root)
  if (range.mode === 'working-tree') return changeSetWorkingTree(range.root)
  return changeSetForRange(range.root, range.base!, range.head)
}

/** Churn and fix commits per changed file; a repository without history reads as none, with a note. */
async function readHistory(
  ctx: CommandContext,
  range: PreflightRange,
  change: ChangeSet,
): Promise<HistoryInput> {
  if (change.files.length === 0 || range.base === null) return {}
  const paths = change.files.map((f) => f.path)
  const out = await fileHistory(range.root, {
    months: ctx.config.preflight.historyMonths,
    clock: ctx.clock,
    ref: range.mode === 'range' ? range.head : 'HEAD',
    ...(paths.length <= HISTORY_PATHS ? { paths } : {}),
  })
  if (out.ok) return out.value
  range.notes.push(`file history could not be read (${out.error.message}); churn rules saw none`)
  return {}
}

/** The SQLite state database is not part of the change, even where it is not ignored. */
async function withoutStore(
  ctx: CommandContext,
  range: PreflightRange,
  change: ChangeSet,
): Promise<ChangeSet> {
  if (range.mode !== 'working-tree' || ctx.config.store.type !== 'sqlite') return change
  const p = ctx.config.store.path
  const db = isAbsolute(p) ? p : resolve(await realpath(ctx.configDir).catch(() => ctx.configDir), p)
  const rel = relative(await realpath(range.root).catch(() => range.root), db)
    .split('\\')
    .join('/')
  if (rel.startsWith('..')) return change
  return { ...change, files: change.files.filter((f) => f.path !== rel && !f.path.startsWith(`${rel}-`)) }
}

function unwrap<T>(r: Result<T, RinaError>): T {
  if (r.ok) return r.value
  throw r.error
}
