/**
 * @module `rina review RELEASE`: what an approver needs in one place — commits and diff summary since what runs in
 * the target environment, preflight findings, validation (health gate) and the probe history of the soak.
 */
import type { JournalEvent, ProbeSummary } from '../domain/events.ts'
import type { Approval, ReleaseState, RunState } from '../domain/state.ts'
import { RinaError } from '../errors.ts'
import { commitsBetween, diffStat } from '../vcs/release.ts'
import type { CommandContext } from './context.ts'
import { approvalPolicy, promotionOrder } from './environment.ts'
import { countingApprovers } from '../gates/approval.ts'

export interface Review {
  release: ReleaseState
  target: string
  comparedWith: { release: string; commit: string | null } | null
  commits: string[]
  diffStat: string | null
  preflight: JournalEvent<'preflight.completed'>['payload'] | null
  acceptedRiskReason: string | null
  runs: (Pick<RunState, 'id' | 'env' | 'kind' | 'status' | 'startedAt' | 'reason'> & {
    gate: ProbeSummary[] | null
    soak: ProbeSummary[] | null
  })[]
  approvals: Record<string, Approval[]>
  approvalsNeeded: { env: string; required: number; counting: number }
}

export async function review(
  ctx: CommandContext,
  req: { release: string; env?: string | undefined },
): Promise<Review> {
  const state = await ctx.journal.state()
  const release = state.releases[req.release]
  if (!release) {
    throw new RinaError({
      code: 'NOT_FOUND',
      message: `release ${req.release} is not known`,
      hint: `known releases: ${Object.keys(state.releases).slice(-10).join(', ') || 'none yet (rina deploy staging registers one)'}`,
    })
  }
  const order = promotionOrder(ctx.config)
  const target = req.env ?? order[order.length - 1]!
  const running = state.environments[target]?.current ?? null
  const base =
    running && running !== release.id
      ? { release: running, commit: state.releases[running]?.commit ?? null }
      : null
  let commits: string[] = []
  let stat: string | null = null
  if (release.commit) {
    const c = await commitsBetween(
      ctx.configDir,
      base?.commit ?? null,
      release.commit,
      base?.commit ? 100 : 20,
    )
    if (c.ok) commits = c.value
    if (base?.commit) {
      const d = await diffStat(ctx.configDir, base.commit, release.commit)
      if (d.ok) stat = d.value
    }
  }
  const events = await ctx.journal.query({ types: ['preflight.completed', 'health.gate_completed'] })
  const pre = events
    .filter(
      (e) => e.type === 'preflight.completed' && (e.payload as { release: string }).release === release.id,
    )
    .at(-1)
  const runs = Object.values(state.runs)
    .filter((r) => r.release === release.id)
    .map((r) => {
      const gates = events.filter(
        (e) => e.type === 'health.gate_completed' && (e.payload as { runId: string }).runId === r.id,
      )
      const phase = (p: string) =>
        (
          gates.find((g) => (g.payload as { phase: string }).phase === p)?.payload as
            { probes: ProbeSummary[] } | undefined
        )?.probes ?? null
      return {
        id: r.id,
        env: r.env,
        kind: r.kind,
        status: r.status,
        startedAt: r.startedAt,
        reason: r.reason,
        gate: phase('gate'),
        soak: phase('soak'),
      }
    })
  const policy = approvalPolicy(ctx.config, target)
  return {
    release,
    target,
    comparedWith: base,
    commits,
    diffStat: stat,
    preflight: (pre?.payload as JournalEvent<'preflight.completed'>['payload'] | undefined) ?? null,
    acceptedRiskReason: pre && (pre.payload as { acceptedRisk: boolean }).acceptedRisk ? pre.reason : null,
    runs,
    approvals: release.approvals,
    approvalsNeeded: {
      env: target,
      required: policy.required,
      counting: countingApprovers(state, release.id, target, policy).length,
    },
  }
}
