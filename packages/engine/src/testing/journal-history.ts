/**
 * @module A realistic journal, generated from a seed: deploys to staging and production (preflight, approvals,
 * steps, health gates, some failing or interrupted, rollbacks), probes' health changes and checks, log signals,
 * incidents through their life, notifications delivered, dead-lettered and requeued, freezes and tokens, plus a
 * few events about runs, incidents or notifications the journal never saw. The same seed gives the same drafts.
 */
import { agentActor, humanActor, systemActor } from '../domain/actor.ts'
import type { EventDraft, EventPayloads, EventType, ProbeSummary } from '../domain/events.ts'
import type { Actor } from '../domain/actor.ts'
import { seededRandom } from './fakes.ts'

const ENVS = ['staging', 'production'] as const
const SERVICES = ['website', 'api', 'worker'] as const
const PEOPLE = ['ana@example.com', 'bo@example.com', 'chen@example.com'].map(humanActor)

/** Drafts of `count` events (exactly), generated from `seed`. */
export function realisticHistory(count: number, seed = 1): EventDraft[] {
  const rnd = seededRandom(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const out: EventDraft[] = []
  const add = <T extends EventType>(
    type: T,
    actor: Actor,
    payload: EventPayloads[T],
    reason: string | null,
  ) => out.push({ type, actor, reason, payload } as EventDraft)
  const current: Record<string, string | null> = { staging: null, production: null }
  const previous: Record<string, string | null> = { staging: null, production: null }
  const openIncidents: { id: string; env: string }[] = []
  const notifications: { id: string; channel: string }[] = []
  const down = new Set<string>()
  let n = 0

  const probe = (service: string, ok: boolean): ProbeSummary => ({
    service,
    probe: 'health',
    type: 'http',
    passes: ok ? 3 : 1,
    failures: ok ? 0 : 2,
    lastOk: ok,
    lastDetail: ok ? 'HTTP 200' : 'HTTP 503',
    latencyMs: { p50: 20 + Math.floor(rnd() * 30), max: 80 + Math.floor(rnd() * 200) },
  })

  const notify = (title: string, env: string | null) => {
    const id = `ntf_${++n}`
    const channel = pick(['ops', 'oncall', 'email'])
    add(
      'notification.requested',
      agentActor('communication'),
      {
        notificationId: id,
        channel,
        severity: pick(['info', 'warning', 'critical'] as const),
        title,
        text: `${title}: see rina status`,
        env,
        idempotencyKey: `key_${id}`,
        sourceSeq: out.length,
        facts: [{ label: 'env', value: env ?? 'all' }],
        nextAction: null,
        url: null,
      },
      null,
    )
    notifications.push({ id, channel })
  }

  const deploy = () => {
    const env = rnd() < 0.6 ? 'staging' : 'production'
    const back = rnd() < 0.1 ? previous[env] : null
    const kind = back ? 'rollback' : 'deploy'
    const release = back ?? `1.${++n}.0`
    if (back) n++
    const who = pick(PEOPLE)
    const runId = `run_${n}`
    if (!back)
      add(
        'release.registered',
        who,
        { release, commit: `c${n}`.padEnd(40, '0'), branch: 'main', subject: `Change ${n}` },
        null,
      )
    if (!back)
      add(
        'preflight.completed',
        systemActor(),
        {
          release,
          env,
          decision: pick(['go', 'caution', 'no-go'] as const),
          score: Math.floor(rnd() * 100),
          summary: '2 findings',
          findings: [],
          acceptedRisk: false,
        },
        null,
      )
    if (env === 'production' && !back)
      add('approval.granted', pick(PEOPLE), { release, env }, 'reviewed the diff')
    const steps = SERVICES.map((service) => ({
      id: `${service}:deploy`,
      service,
      action: 'deploy',
      description: `deploy ${service}`,
    }))
    add(
      'deploy.started',
      who,
      {
        runId,
        env,
        release,
        kind,
        services: SERVICES.map((service) => ({ service, previous: current[env] ?? null })),
        steps,
        confirmation: env === 'production' ? 'typed' : 'not-required',
        holder: `host:${1000 + n}`,
      },
      'weekly release',
    )
    const outcome = rnd()
    for (const [i, s] of steps.entries()) {
      add(
        'deploy.command_started',
        who,
        {
          runId,
          env,
          stepId: s.id,
          service: s.service,
          group: { host: 'host', bootId: null, pgid: 100 + i, startTime: null },
        },
        null,
      )
      if (outcome < 0.03 && i === 1) {
        add(
          'deploy.interrupted',
          systemActor(),
          { runId, env, release, completedSteps: [steps[0]!.id], holder: `host:${1000 + n}`, commands: [] },
          'process gone',
        )
        return
      }
      const ok = !(outcome < 0.1 && i === 2)
      add(
        'deploy.step_completed',
        who,
        {
          runId,
          env,
          stepId: s.id,
          service: s.service,
          action: 'deploy',
          ok,
          durationMs: 1200,
          reason: ok ? null : 'exit 1',
        },
        null,
      )
      if (!ok) {
        add(
          'deploy.failed',
          who,
          { runId, env, release, kind, reason: 'step failed', failedStep: s.id, durationMs: 5000 },
          'step failed',
        )
        if (env === 'production')
          add(
            'rollback.prepared',
            systemActor(),
            {
              runId,
              env,
              from: release,
              to: current[env] ?? null,
              ready: true,
              detail: 'previous release on disk',
              command: 'rina rollback production',
            },
            null,
          )
        notify(`Deploy of ${release} to ${env} failed`, env)
        return
      }
    }
    add(
      'health.gate_completed',
      who,
      {
        runId,
        env,
        release,
        phase: 'gate',
        passed: true,
        durationMs: 3000,
        probes: SERVICES.map((s) => probe(s, true)),
      },
      null,
    )
    add('deploy.succeeded', who, { runId, env, release, kind, durationMs: 9000 }, null)
    if (current[env] !== release) previous[env] = current[env] ?? null
    current[env] = release
    const check = rnd()
    if (check < 0.5)
      add(
        'deploy.verification_passed',
        agentActor('deployment'),
        { runId, env, release, windowMs: 600_000, summary: 'no regression' },
        null,
      )
    else if (check < 0.55)
      add(
        'deploy.verification_failed',
        agentActor('deployment'),
        {
          runId,
          env,
          release,
          windowMs: 600_000,
          evidence: [
            {
              kind: 'probe-latency',
              subject: 'api/health',
              service: 'api',
              before: 40,
              after: 400,
              detail: '10x',
            },
          ],
        },
        null,
      )
  }

  const health = () => {
    const env = pick(ENVS)
    const service = pick(SERVICES)
    const key = `${env}/${service}`
    const healthy = down.has(key)
    if (healthy) down.delete(key)
    else down.add(key)
    add(
      'health.changed',
      agentActor('health'),
      { env, service, probe: 'health', healthy, after: 3, detail: healthy ? 'HTTP 200' : 'HTTP 503' },
      null,
    )
    if (rnd() < 0.5)
      add(
        'health.checked',
        humanActor('ana@example.com'),
        { env, healthy, probes: SERVICES.map((s) => probe(s, s !== service || healthy)) },
        null,
      )
    if (!healthy && rnd() < 0.3)
      add(
        'logs.signal',
        agentActor('logs'),
        {
          env,
          service,
          source: 'file',
          kind: 'spike',
          severity: 'warning',
          summary: '5x errors',
          template: 'GET <*> 503',
          release: current[env] ?? null,
          examples: ['GET /x 503'],
        },
        null,
      )
  }

  const signal = (env: string) => ({
    kind: 'probe-failing' as const,
    env,
    service: pick(SERVICES),
    probe: 'health',
    time: '2026-01-05T10:00:00.000Z',
    summary: 'api/health failed 3 of 3 checks',
    evidence: ['HTTP 503'],
    counts: { failures: 3, checks: 3 },
  })

  const incident = () => {
    const open = openIncidents.length > 0 && rnd() < 0.7 ? pick(openIncidents) : null
    if (!open) {
      const env = pick(ENVS)
      const id = `inc_${++n}`
      add(
        'incident.opened',
        agentActor('incident'),
        {
          incidentId: id,
          env,
          key: `probe:${env}:${n}`,
          type: 'outage',
          severity: pick(['SEV1', 'SEV2', 'SEV3'] as const),
          title: `${env} outage`,
          services: ['api'],
          release: current[env] ?? null,
          startedAt: '2026-01-05T10:00:00.000Z',
          signals: [signal(env)],
          factors: [{ name: 'environment', value: env, weight: 3, explanation: 'where it happens' }],
          hypotheses: [{ kind: 'service-down', title: 'api is down', score: 70, evidence: [], check: null }],
          plan: { title: 'Outage', steps: ['acknowledge'], next: null },
          rollback: { ready: false, from: null, to: null, detail: 'none', command: null },
        },
        null,
      )
      openIncidents.push({ id, env })
      notify(`Incident ${id} opened`, env)
      return
    }
    const { id, env } = open
    const who = pick(PEOPLE)
    const r = rnd()
    if (r < 0.2) add('incident.acknowledged', who, { incidentId: id, env }, null)
    else if (r < 0.35)
      add(
        'incident.escalated',
        who,
        { incidentId: id, env, from: 'SEV3', to: pick(['SEV1', 'SEV2'] as const) },
        'customers affected',
      )
    else if (r < 0.55)
      add(
        'incident.note',
        who,
        { incidentId: id, env, text: 'looking', done: rnd() < 0.5 ? ['acknowledge'] : [] },
        null,
      )
    else if (r < 0.7)
      add(
        'incident.updated',
        agentActor('incident'),
        {
          incidentId: id,
          env,
          signals: [signal(env)],
          assessed: 'SEV2',
          factors: [],
          hypotheses: [],
          type: 'outage',
          title: `${env} outage`,
          services: ['api'],
          release: current[env] ?? null,
          startedAt: '2026-01-05T10:00:00.000Z',
        },
        null,
      )
    else if (r < 0.85)
      add(
        'incident.recovery_step',
        who,
        {
          incidentId: id,
          env,
          step: pick(['unfreeze', 'verify-restored', 'send-update', 'resume-deploys'] as const),
          done: rnd() < 0.8,
          detail: 'done',
        },
        null,
      )
    else {
      add(
        'incident.resolved',
        who,
        { incidentId: id, env, postmortemPath: `postmortems/${id}.md` },
        'fixed the config',
      )
      openIncidents.splice(openIncidents.indexOf(open), 1)
    }
  }

  const delivery = () => {
    if (notifications.length === 0 || rnd() < 0.2) return notify('Daily summary', null)
    const { id, channel } = notifications.splice(Math.floor(rnd() * notifications.length), 1)[0]!
    const r = rnd()
    if (r < 0.8)
      add('notification.delivered', systemActor(), { notificationId: id, channel, attempts: 1 }, null)
    else if (r < 0.9) {
      add(
        'notification.dead_lettered',
        systemActor(),
        { notificationId: id, channel, attempts: 5, lastError: 'HTTP 500' },
        null,
      )
      if (rnd() < 0.5)
        add('notification.requeued', pick(PEOPLE), { notificationId: id, channel }, 'endpoint fixed')
    } else
      add(
        'notification.delivered',
        systemActor(),
        { notificationId: `ntf_unknown_${n}`, channel, attempts: 2 },
        null,
      )
  }

  const other = () => {
    const env = pick(ENVS)
    const r = rnd()
    if (r < 0.25)
      add(
        'freeze.enabled',
        pick(PEOPLE),
        { env, until: rnd() < 0.5 ? null : '2026-01-06T10:00:00.000Z' },
        'incident',
      )
    else if (r < 0.45) add('freeze.disabled', pick(PEOPLE), { env }, 'all clear')
    else if (r < 0.5)
      add('freeze.expired', systemActor(), { env, until: '2026-01-06T10:00:00.000Z' }, 'timed freeze ended')
    else if (r < 0.55)
      add('token.created', pick(PEOPLE), { tokenId: `tok_${++n}`, user: 'ci', role: 'deployer' }, null)
    else if (r < 0.6) add('token.revoked', pick(PEOPLE), { tokenId: `tok_${n}`, user: 'ci' }, 'rotated')
    else if (r < 0.7)
      add('agent.failed', systemActor(), { agent: 'logs', hook: 'tick', message: 'ENOENT', count: 1 }, null)
    else if (r < 0.8)
      add(
        'deploy.step_completed',
        systemActor(),
        {
          runId: 'run_gone',
          env,
          stepId: 'api:deploy',
          service: 'api',
          action: 'deploy',
          ok: true,
          durationMs: 1,
          reason: null,
        },
        null,
      )
    else if (r < 0.9)
      add('incident.note', pick(PEOPLE), { incidentId: 'inc_gone', env, text: 'late', done: [] }, null)
    else add('approval.granted', pick(PEOPLE), { release: 'unknown', env }, 'early')
  }

  while (out.length < count) {
    const r = rnd()
    if (r < 0.15) deploy()
    else if (r < 0.6) health()
    else if (r < 0.75) incident()
    else if (r < 0.92) delivery()
    else other()
  }
  return out.slice(0, count)
}
