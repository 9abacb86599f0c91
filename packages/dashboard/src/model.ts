/**
 * @module The panel's state and how it stays current: each resource is loaded from the API, and each journal
 * event from the live stream reloads only the resources it changes (debounced), so the views follow the journal.
 */
import type { Api, ApiProblem } from './api.ts'
import type { LiveState } from './live.ts'
import type {
  EnvStatus,
  IncidentSummary,
  JournalEvent,
  Me,
  MetricsSnapshot,
  ProbeSample,
  ReleaseState,
  RunState,
  VerifyReport,
} from './types.ts'

export const RESOURCES = [
  'status',
  'releases',
  'runs',
  'incidents',
  'audit',
  'verify',
  'health',
  'samples',
] as const
export type Resource = (typeof RESOURCES)[number]

export interface Model {
  me: Me | null
  envs: EnvStatus[]
  releases: ReleaseState[]
  runs: RunState[]
  /** Events of runs, by run id: loaded for the runs shown, then appended live. */
  runEvents: Record<string, JournalEvent[]>
  incidents: IncidentSummary[]
  audit: JournalEvent[]
  verify: VerifyReport | null
  /** health.checked and health.gate_completed events, oldest first. */
  health: JournalEvent[]
  samples: ProbeSample[]
  metrics: MetricsSnapshot | null
  live: LiveState
  /** The run whose steps and log are shown (default: the newest). */
  selectedRun: string | null
  selectedIncident: string | null
  problems: Partial<Record<Resource, ApiProblem>>
}

export const emptyModel = (): Model => ({
  me: null,
  envs: [],
  releases: [],
  runs: [],
  runEvents: {},
  incidents: [],
  audit: [],
  verify: null,
  health: [],
  samples: [],
  metrics: null,
  live: 'connecting',
  selectedRun: null,
  selectedIncident: null,
  problems: {},
})

/** Which resources a journal event changes (the audit trail and verification follow every event). */
export function resourcesFor(type: string): Resource[] {
  const [family] = type.split('.')
  switch (family) {
    case 'deploy':
    case 'rollback':
      return ['status', 'runs', 'releases']
    case 'freeze':
      return ['status']
    case 'approval':
    case 'release':
    case 'preflight':
      return ['releases']
    case 'health':
      return ['status', 'health']
    case 'incident':
      return ['incidents']
    default:
      return []
  }
}

/** Events that belong to a run's log: its steps, gates, outcome and prepared rollback. */
export const runIdOf = (e: JournalEvent): string | null =>
  typeof e.payload.runId === 'string' ? e.payload.runId : null

export const AUDIT_KEEP = 300
export const HEALTH_KEEP = 500

export class Store {
  model: Model = emptyModel()
  private readonly listeners = new Set<(m: Model) => void>()

  set(patch: Partial<Model>): void {
    this.model = { ...this.model, ...patch }
    for (const l of this.listeners) l(this.model)
  }

  subscribe(fn: (m: Model) => void): () => void {
    this.listeners.add(fn)
    return () => this.listeners.delete(fn)
  }

  /** Folds one live event into the local lists (the reloads it triggers come separately). */
  applyEvent(e: JournalEvent): void {
    const m = this.model
    const add = (list: readonly JournalEvent[], keep: number) =>
      list.some((x) => x.seq === e.seq) ? [...list] : [...list, e].slice(-keep)
    const patch: Partial<Model> = { audit: add(m.audit, AUDIT_KEEP) }
    const runId = runIdOf(e)
    if (runId) patch.runEvents = { ...m.runEvents, [runId]: add(m.runEvents[runId] ?? [], Infinity) }
    if (e.type === 'health.checked' || e.type === 'health.gate_completed')
      patch.health = add(m.health, HEALTH_KEEP)
    this.set(patch)
  }
}

type Loader = (
  api: Api,
  m: Model,
) => Promise<{ ok: true; patch: Partial<Model> } | { ok: false; error: ApiProblem }>

const lift =
  <T>(path: string | ((m: Model) => string), to: (v: T) => Partial<Model>): Loader =>
  async (api, m) => {
    const r = await api.get<T>(typeof path === 'string' ? path : path(m))
    return r.ok ? { ok: true, patch: to(r.value) } : r
  }

const LOADERS: Record<Resource, Loader> = {
  status: lift<{ environments: EnvStatus[] }>('/api/v1/status?runs=5', (v) => ({ envs: v.environments })),
  releases: lift<{ releases: ReleaseState[] }>('/api/v1/releases', (v) => ({ releases: v.releases })),
  runs: lift<{ runs: RunState[] }>('/api/v1/runs?limit=20', (v) => ({ runs: v.runs })),
  incidents: lift<{ incidents: IncidentSummary[] }>('/api/v1/incidents?all=true', (v) => ({
    incidents: v.incidents,
  })),
  audit: lift<{ events: JournalEvent[] }>(`/api/v1/audit/events?limit=${AUDIT_KEEP}`, (v) => ({
    audit: v.events,
  })),
  verify: lift<VerifyReport>('/api/v1/audit/verify', (v) => ({ verify: v })),
  health: lift<{ events: JournalEvent[] }>(`/api/v1/health/history?limit=${HEALTH_KEEP}`, (v) => ({
    health: v.events.filter((e) => e.type === 'health.checked' || e.type === 'health.gate_completed'),
  })),
  samples: lift<{ samples: ProbeSample[] }>('/api/v1/health/samples?minutes=30', (v) => ({
    samples: v.samples,
  })),
}

/** Reloads resources on demand, coalescing bursts of events into one request per resource. */
export function createRefresher(api: Api, store: Store, delayMs = 150) {
  const pending = new Set<Resource>()
  let timer: ReturnType<typeof setTimeout> | null = null
  const load = async (r: Resource) => {
    const out = await LOADERS[r](api, store.model)
    const problems = { ...store.model.problems }
    if (out.ok) delete problems[r]
    else problems[r] = out.error
    store.set(out.ok ? { ...out.patch, problems } : { problems })
  }
  return {
    /** Loads now and resolves when done. */
    load: (rs: readonly Resource[]) => Promise.all(rs.map(load)).then(() => {}),
    /** Loads soon, once for a burst. */
    soon(rs: readonly Resource[]) {
      for (const r of rs) pending.add(r)
      timer ??= setTimeout(() => {
        timer = null
        const batch = [...pending]
        pending.clear()
        void Promise.all(batch.map(load))
      }, delayMs)
    },
  }
}

export type Refresher = ReturnType<typeof createRefresher>
