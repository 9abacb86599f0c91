/**
 * @module Deploy facts for incident analysis: the runs of the journal reduced to what matters (which release went
 * where, when, how it ended, what ran before), and which deploy an incident follows.
 */
import type { RunState, State } from '../../domain/state.ts'

export interface DeployFact {
  runId: string
  env: string
  release: string
  kind: 'deploy' | 'rollback'
  status: RunState['status']
  startedAt: string
  endedAt: string | null
  /** What ran before, taken from the run's services (the most common value); null for a first deploy. */
  previous: string | null
}

export const DEFAULT_DEPLOY_WINDOW_MS = 2 * 3_600_000

function previousOf(run: RunState): string | null {
  const counts = new Map<string, number>()
  for (const s of run.services) if (s.previous) counts.set(s.previous, (counts.get(s.previous) ?? 0) + 1)
  let best: string | null = null
  for (const [release, n] of counts) if (best === null || n > counts.get(best)!) best = release
  return best
}

/** Every run as a fact, oldest first. */
export function deployFacts(state: Pick<State, 'runs'>): DeployFact[] {
  return Object.values(state.runs)
    .map((r) => ({
      runId: r.id,
      env: r.env,
      release: r.release,
      kind: r.kind,
      status: r.status,
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      previous: previousOf(r),
    }))
    .sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.runId.localeCompare(b.runId))
}

/**
 * The deploy `time` follows: the latest run in `env` started at or before `time`, when it is a deploy (not a
 * rollback) that ended no longer than `windowMs` before it; null otherwise.
 */
export function deployBefore(
  deploys: readonly DeployFact[],
  env: string,
  time: string,
  windowMs: number = DEFAULT_DEPLOY_WINDOW_MS,
): DeployFact | null {
  const t = Date.parse(time)
  let last: DeployFact | null = null
  for (const d of deploys) {
    if (d.env !== env || Date.parse(d.startedAt) > t) continue
    if (!last || Date.parse(d.startedAt) >= Date.parse(last.startedAt)) last = d
  }
  if (!last || last.kind !== 'deploy') return null
  return t - Date.parse(last.endedAt ?? last.startedAt) > windowMs ? null : last
}

/** Runs in `env` that started after `fact` (e.g. a rollback already taken). */
export const runsAfter = (deploys: readonly DeployFact[], fact: DeployFact): DeployFact[] =>
  deploys.filter((d) => d.env === fact.env && Date.parse(d.startedAt) > Date.parse(fact.startedAt))
