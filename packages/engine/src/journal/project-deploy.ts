/** @module Projection of releases, approvals and deploy runs: what runs where, what passed, who approved. */
import type { JournalEvent } from '../domain/events.ts'
import type { EnvironmentState, State } from '../domain/state.ts'

const envOf = (s: State, env: string): EnvironmentState =>
  (s.environments[env] ??= { current: null, previous: null, runs: [] })

export function applyDeploy(s: State, e: JournalEvent): void {
  switch (e.type) {
    case 'release.registered': {
      const p = e.payload as JournalEvent<'release.registered'>['payload']
      s.releases[p.release] ??= {
        id: p.release,
        commit: p.commit,
        branch: p.branch,
        subject: p.subject,
        registeredBy: e.actor,
        registeredAt: e.time,
        preflight: null,
        validatedIn: [],
        approvals: {},
      }
      return
    }
    case 'preflight.completed': {
      const p = e.payload as JournalEvent<'preflight.completed'>['payload']
      const r = s.releases[p.release]
      if (r) {
        r.preflight = {
          env: p.env,
          decision: p.decision,
          score: p.score,
          summary: p.summary,
          acceptedRisk: p.acceptedRisk,
          seq: e.seq,
        }
      }
      return
    }
    case 'approval.granted': {
      const p = e.payload as JournalEvent<'approval.granted'>['payload']
      const r = s.releases[p.release]
      if (r) (r.approvals[p.env] ??= []).push({ by: e.actor, reason: e.reason ?? '', at: e.time, seq: e.seq })
      return
    }
    case 'deploy.started': {
      const p = e.payload as JournalEvent<'deploy.started'>['payload']
      s.runs[p.runId] = {
        id: p.runId,
        env: p.env,
        release: p.release,
        kind: p.kind,
        status: 'running',
        actor: e.actor,
        startedAt: e.time,
        endedAt: null,
        holder: p.holder,
        services: p.services,
        planned: p.steps.map((x) => x.id),
        completedSteps: [],
        reason: e.reason,
        failedStep: null,
        confirmation: p.confirmation,
      }
      envOf(s, p.env).runs.push(p.runId)
      return
    }
    case 'deploy.step_completed': {
      const p = e.payload as JournalEvent<'deploy.step_completed'>['payload']
      const run = s.runs[p.runId]
      if (run && p.ok) run.completedSteps.push(p.stepId)
      return
    }
    case 'deploy.succeeded': {
      const p = e.payload as JournalEvent<'deploy.succeeded'>['payload']
      const run = s.runs[p.runId]
      if (run) Object.assign(run, { status: 'succeeded', endedAt: e.time })
      const env = envOf(s, p.env)
      if (env.current !== p.release) {
        env.previous = env.current
        env.current = p.release
      }
      const r = s.releases[p.release]
      if (r && p.kind === 'deploy' && !r.validatedIn.includes(p.env)) r.validatedIn.push(p.env)
      return
    }
    case 'deploy.failed': {
      const p = e.payload as JournalEvent<'deploy.failed'>['payload']
      const run = s.runs[p.runId]
      if (run)
        Object.assign(run, { status: 'failed', endedAt: e.time, reason: p.reason, failedStep: p.failedStep })
      return
    }
    case 'deploy.interrupted': {
      const p = e.payload as JournalEvent<'deploy.interrupted'>['payload']
      const run = s.runs[p.runId]
      if (run)
        Object.assign(run, {
          status: 'interrupted',
          endedAt: e.time,
          reason: 'the process running it stopped mid-way',
        })
      return
    }
  }
}
