/**
 * @module `rina incident list|show`: incidents as journaled, each with its response plan derived now (steps done
 * according to the journal), its timeline and the recovery path. An id may be given by a unique prefix.
 */
import { buildResponsePlan } from '../analysis/incident/plan.ts'
import type { RecoveryPath } from '../analysis/incident/recovery.ts'
import { recoveryPath } from '../analysis/incident/recovery.ts'
import type { TimelineEntry } from '../analysis/incident/timeline.ts'
import { incidentTimeline } from '../analysis/incident/timeline.ts'
import type { Incident, Playbook } from '../analysis/incident/types.ts'
import type { JournalEvent } from '../domain/events.ts'
import type { IncidentState, State } from '../domain/state.ts'
import { RinaError } from '../errors.ts'
import type { CommandContext } from './context.ts'
import type { JournalRead } from './incident-context.ts'
import { envContext, playbooksOf, readJournal } from './incident-context.ts'

export type IncidentView = Incident &
  Pick<
    IncidentState,
    'openedBy' | 'acknowledgedBy' | 'resolvedBy' | 'resolution' | 'postmortemPath' | 'doneSteps'
  > & {
    timeline: TimelineEntry[]
    recovery: RecoveryPath
  }

export type IncidentSummary = Pick<
  Incident,
  | 'id'
  | 'env'
  | 'title'
  | 'type'
  | 'severity'
  | 'assessed'
  | 'status'
  | 'services'
  | 'startedAt'
  | 'updatedAt'
> & { signals: number; next: string | null }

/** The incident named by `ref`: its id, or a prefix only it has. */
export function findIncident(state: State, ref: string): IncidentState {
  const exact = state.incidents[ref]
  if (exact) return exact
  const matches = Object.keys(state.incidents).filter((id) => id.startsWith(ref))
  if (matches.length === 1) return state.incidents[matches[0]!]!
  if (matches.length > 1)
    throw new RinaError({
      code: 'USAGE',
      message: `"${ref}" names ${matches.length} incidents: ${matches.slice(0, 5).join(', ')}`,
      hint: 'give more of the id',
    })
  throw new RinaError({
    code: 'NOT_FOUND',
    message: `no incident "${ref}"`,
    hint: 'see `rina incident list --all`',
  })
}

const payload = (e: JournalEvent) => e.payload as { incidentId?: string; env?: string; healthy?: boolean }

/** The journal as it concerns one incident: other incidents' events left out. */
export const eventsFor = (i: IncidentState, events: readonly JournalEvent[]): JournalEvent[] =>
  events.filter((e) => payload(e).incidentId === undefined || payload(e).incidentId === i.id)

/**
 * Plan steps done according to the journal: marked by a note, a health check since the first signal (assess),
 * a notification about the environment since it opened (notify), a passing check since it opened (verify).
 */
export function stepsDone(i: IncidentState, playbook: Playbook, events: readonly JournalEvent[]): string[] {
  const openedSeq = i.seqs[0] ?? 0
  const inEnv = events.filter((e) => payload(e).env === i.env)
  const checked = inEnv.filter((e) => e.type === 'health.checked')
  const assessed = checked.some((e) => Date.parse(e.time) >= Date.parse(i.startedAt))
  const notified = inEnv.some((e) => e.type === 'notification.requested' && e.seq > openedSeq)
  const lastCheck = checked.findLast((e) => e.seq > openedSeq)
  const verified = lastCheck !== undefined && payload(lastCheck).healthy === true
  const byAction = playbook.steps.filter(
    (s) =>
      (s.action === 'assess' && assessed) ||
      (s.action === 'notify' && notified) ||
      (s.action === 'verify' && verified),
  )
  return [...new Set([...i.doneSteps, ...byAction.map((s) => s.id)])]
}

export function viewOf(ctx: CommandContext, read: JournalRead, i: IncidentState, now: Date): IncidentView {
  const env = envContext(ctx, read, i.env, now)
  const events = eventsFor(i, read.events)
  const playbooks = playbooksOf(ctx.config)
  const plan = buildResponsePlan(i, playbooks, { ...env, doneSteps: stepsDone(i, playbooks[i.type], events) })
  const marked = Object.entries(i.recovery).flatMap(([step, r]) => (r?.done ? [step] : []))
  const { seqs: _seqs, ...rest } = i
  return {
    ...rest,
    plan,
    timeline: incidentTimeline(i, events),
    recovery: recoveryPath(i, events, { frozen: env.frozen, marked }),
  }
}

export async function showIncident(ctx: CommandContext, ref: string): Promise<IncidentView> {
  const read = await readJournal(ctx)
  return viewOf(ctx, read, findIncident(read.state, ref), ctx.clock.now())
}

/** Unresolved incidents (every one with `all`), newest first. */
export async function listIncidents(
  ctx: CommandContext,
  opts: { all?: boolean; env?: string } = {},
): Promise<IncidentSummary[]> {
  const read = await readJournal(ctx)
  const now = ctx.clock.now()
  return Object.values(read.state.incidents)
    .filter((i) => (opts.all || i.status !== 'resolved') && (!opts.env || i.env === opts.env))
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.id.localeCompare(a.id))
    .map((i) => {
      const v = viewOf(ctx, read, i, now)
      const next = v.status === 'resolved' ? v.recovery.next?.command : v.plan?.next?.command
      return {
        id: i.id,
        env: i.env,
        title: i.title,
        type: i.type,
        severity: i.severity,
        assessed: i.assessed,
        status: i.status,
        services: i.services,
        startedAt: i.startedAt,
        updatedAt: i.updatedAt,
        signals: i.signals.length,
        next: next ?? null,
      }
    })
}
