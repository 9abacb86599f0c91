/**
 * @module Correlation: new signals become incidents, one per cause. A signal's cause key is its environment plus
 * the deploy it follows, else its service, else its template. A signal joins an unresolved incident with the same
 * key, or a related one (same service within the merge window, or the same template); identical signals within
 * the dedup window are dropped. Incidents that stay quiet are offered as candidates to resolve (a person decides).
 */
import { draftIncident } from './attach.ts'
import type { DeployFact } from './deploys.ts'
import { DEFAULT_DEPLOY_WINDOW_MS, deployBefore } from './deploys.ts'
import type { IncidentDraft, Signal } from './types.ts'

export interface CorrelateOptions {
  /** Ids for new incidents (`ids.next('inc')`). */
  ids: { next(prefix?: string): string }
  /** Deploy facts, oldest first, to find the deploy a signal follows. */
  deploys?: readonly DeployFact[]
  /** Identical signals closer than this are one. Default 5 min. */
  dedupWindowMs?: number
  /** Signals on the same service closer than this belong together. Default 10 min. */
  mergeWindowMs?: number
  /** An incident with no signal for this long is a candidate to resolve. Default 15 min. */
  quietMs?: number
  /** How long after a deploy a signal counts as following it. Default 2 h. */
  deployWindowMs?: number
}

export interface Correlation<T extends IncidentDraft> {
  /** New incidents (assess them before journaling: see assessIncident). */
  open: IncidentDraft[]
  /** Signals to attach to incidents already open (see attachSignals). */
  update: { incident: T; signals: Signal[] }[]
  resolvedCandidates: { incident: T; quietForMs: number; detail: string }[]
  /** Signals dropped as duplicates of one already recorded. */
  duplicates: Signal[]
}

interface Group {
  existing: IncidentDraft | null
  key: string
  env: string
  release: string | null
  signals: Signal[]
  added: Signal[]
  /** Times by fingerprint, by service, and the template keys: lookups stay cheap on long incidents. */
  byPrint: Map<string, number[]>
  byService: Map<string, number[]>
  templates: Set<string>
}

const t = (s: { time: string }) => Date.parse(s.time)
const fingerprint = (s: Signal) =>
  [s.kind, s.service, s.probe, s.template?.key, s.release, s.kind === 'manual' ? s.summary : ''].join('|')

function causeKey(s: Signal, deploy: DeployFact | null): string {
  if (s.kind === 'security') return `${s.env}|security:${s.service ?? s.template?.key ?? 'general'}`
  const release = deploy?.release ?? s.release
  if (release) return `${s.env}|deploy:${release}`
  if (s.service) return `${s.env}|service:${s.service}`
  if (s.template) return `${s.env}|template:${s.template.key}`
  return `${s.env}|${s.kind}`
}

export function correlate<T extends IncidentDraft>(
  openIncidents: readonly T[],
  newSignals: readonly Signal[],
  now: Date,
  opts: CorrelateOptions,
): Correlation<T> {
  const dedupMs = opts.dedupWindowMs ?? 5 * 60_000
  const mergeMs = opts.mergeWindowMs ?? 10 * 60_000
  const quietMs = opts.quietMs ?? 15 * 60_000
  const groups: Group[] = openIncidents
    .filter((i) => i.status !== 'resolved')
    .map((i) => {
      const g = group(i, i.key, i.env, i.release)
      for (const s of i.signals) index(g, s)
      return g
    })
  const duplicates: Signal[] = []

  const near = (times: number[] | undefined, at: number, ms: number) =>
    times?.some((x) => Math.abs(x - at) <= ms) ?? false
  const related = (g: Group, s: Signal) =>
    (s.service !== null && near(g.byService.get(s.service), t(s), mergeMs)) ||
    (s.template ? g.templates.has(s.template.key) : false)

  for (const s of [...newSignals].sort((a, b) => t(a) - t(b))) {
    const deploy = deployBefore(
      opts.deploys ?? [],
      s.env,
      s.time,
      opts.deployWindowMs ?? DEFAULT_DEPLOY_WINDOW_MS,
    )
    const key = causeKey(s, deploy)
    const same = groups.filter((g) => g.env === s.env)
    const target =
      s.kind === 'manual'
        ? (same.find((g) => g.key === key) ?? latest(same))
        : (same.find((g) => g.key === key) ??
          (s.kind === 'security'
            ? undefined
            : same.find((g) => !g.key.includes('|security:') && related(g, s))))
    if (target) {
      if (near(target.byPrint.get(fingerprint(s)), t(s), dedupMs)) {
        duplicates.push(s)
        continue
      }
      index(target, s)
      target.added.push(s)
    } else {
      const g = group(null, key, s.env, deploy?.release ?? s.release ?? null)
      index(g, s)
      g.added.push(s)
      groups.push(g)
    }
  }

  const open = groups
    .filter((g) => g.existing === null)
    .map((g) =>
      draftIncident({ id: opts.ids.next('inc'), key: g.key, env: g.env, release: g.release }, g.added, now),
    )
  const update = groups.flatMap((g) =>
    g.existing && g.added.length ? [{ incident: g.existing as T, signals: g.added }] : [],
  )
  const resolvedCandidates = groups.flatMap((g) => {
    if (!g.existing || g.added.length) return []
    const last = Math.max(lastTime(g), Date.parse(g.existing.openedAt))
    const quietForMs = now.getTime() - last
    if (quietForMs < quietMs) return []
    return [
      {
        incident: g.existing as T,
        quietForMs,
        detail: `no new signal for ${Math.round(quietForMs / 60_000)}m`,
      },
    ]
  })
  return { open, update, resolvedCandidates, duplicates }
}

const group = (existing: IncidentDraft | null, key: string, env: string, release: string | null): Group => ({
  existing,
  key,
  env,
  release,
  signals: [],
  added: [],
  byPrint: new Map(),
  byService: new Map(),
  templates: new Set(),
})

function index(g: Group, s: Signal): void {
  g.signals.push(s)
  const fp = fingerprint(s)
  g.byPrint.set(fp, [...(g.byPrint.get(fp) ?? []), t(s)])
  if (s.service) g.byService.set(s.service, [...(g.byService.get(s.service) ?? []), t(s)])
  if (s.template) g.templates.add(s.template.key)
}

const lastTime = (g: Group) => g.signals.reduce((m, s) => Math.max(m, t(s)), -Infinity)

/** The group with the most recent signal: where a manual trigger lands when nothing matches its key. */
function latest(groups: readonly Group[]): Group | undefined {
  let best: Group | undefined
  for (const g of groups) if (!best || lastTime(g) > lastTime(best)) best = g
  return best
}
