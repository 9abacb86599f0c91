/**
 * @module One event as a stakeholder notice, pure: a title, a text, the key facts (environment, release,
 * service, severity, who) and the next action a reader takes — deploy started, succeeded, failed, verification,
 * health flips, log signals and incidents opened, updated and resolved.
 */
import { formatActor } from '../../domain/actor.ts'
import { formatDuration } from '../../domain/duration.ts'
import type { EventPayloads, EventType, JournalEvent } from '../../domain/events.ts'
import { incidentOf } from './incident-notice.ts'

export interface Notice {
  title: string
  text: string
  facts: { label: string; value: string }[]
  nextAction: string | null
}

export interface NoticeContext {
  /** The environment after this one in promotion order, or null for the last. */
  nextEnv(env: string): string | null
}

const payload = <T extends EventType>(e: JournalEvent, _t: T) => e.payload as EventPayloads[T]

type Fact = [label: string, value: string | null | undefined]
const facts = (e: JournalEvent, list: Fact[]) =>
  [...list, ['who', formatActor(e.actor)] as Fact]
    .filter((f): f is [string, string] => typeof f[1] === 'string' && f[1] !== '')
    .map(([label, value]) => ({ label, value }))

export function noticeOf(e: JournalEvent, c: NoticeContext): Notice {
  switch (e.type) {
    case 'deploy.started': {
      const p = payload(e, 'deploy.started')
      const rollback = p.kind === 'rollback'
      return {
        title: rollback ? `Rolling ${p.env} back to ${p.release}` : `Deploying ${p.release} to ${p.env}`,
        text: `${rollback ? 'Rollback' : 'Deploy'} of ${p.release} to ${p.env} started (run ${p.runId}), ${p.steps.length} steps.`,
        facts: facts(e, [
          ['env', p.env],
          ['release', p.release],
          ['service', p.services.map((s) => s.service).join(', ')],
        ]),
        nextAction: `rina status ${p.env}`,
      }
    }
    case 'deploy.succeeded': {
      const p = payload(e, 'deploy.succeeded')
      const next = c.nextEnv(p.env)
      return {
        title:
          p.kind === 'rollback' ? `${p.env} rolled back to ${p.release}` : `${p.release} is live in ${p.env}`,
        text: `${p.kind === 'rollback' ? 'Rollback' : 'Deploy'} of ${p.release} to ${p.env} succeeded in ${formatDuration(p.durationMs)}.`,
        facts: facts(e, [
          ['env', p.env],
          ['release', p.release],
        ]),
        nextAction: next && p.kind === 'deploy' ? `rina review ${p.release}` : `rina status ${p.env}`,
      }
    }
    case 'deploy.failed': {
      const p = payload(e, 'deploy.failed')
      return {
        title: `${p.kind === 'rollback' ? 'Rollback' : 'Deploy'} of ${p.release} to ${p.env} failed`,
        text: `${p.reason}${p.failedStep ? ` (step ${p.failedStep})` : ''}.`,
        facts: facts(e, [
          ['env', p.env],
          ['release', p.release],
        ]),
        nextAction: `rina status ${p.env}`,
      }
    }
    case 'rollback.prepared': {
      const p = payload(e, 'rollback.prepared')
      return {
        title: p.ready ? `Rollback of ${p.env} to ${p.to} is ready` : `Rollback of ${p.env} is not ready`,
        text: p.detail,
        facts: facts(e, [
          ['env', p.env],
          ['release', p.from],
        ]),
        nextAction: p.command,
      }
    }
    case 'deploy.verification_failed': {
      const p = payload(e, 'deploy.verification_failed')
      return {
        title: `${p.release} in ${p.env} failed verification`,
        text: p.evidence.map((x) => `• ${x.detail}`).join('\n'),
        facts: facts(e, [
          ['env', p.env],
          ['release', p.release],
          ['service', [...new Set(p.evidence.map((x) => x.service).filter(Boolean))].join(', ')],
        ]),
        nextAction: `rina review ${p.release}`,
      }
    }
    case 'health.changed': {
      const p = payload(e, 'health.changed')
      return {
        title: `${p.service}/${p.probe} ${p.healthy ? 'recovered' : 'is down'} in ${p.env}`,
        text: `${p.healthy ? 'Passed' : 'Failed'} ${p.after} checks in a row: ${p.detail}`,
        facts: facts(e, [
          ['env', p.env],
          ['service', p.service],
        ]),
        nextAction: `rina health-check ${p.env}`,
      }
    }
    case 'logs.signal': {
      const p = payload(e, 'logs.signal')
      return {
        title: p.summary,
        text: p.examples.length ? p.examples.map((x) => `> ${x}`).join('\n') : p.summary,
        facts: facts(e, [
          ['env', p.env],
          ['release', p.release],
          ['service', p.service],
        ]),
        nextAction: `rina logs tail ${p.env}${p.service ? ` ${p.service}` : ''}`,
      }
    }
  }
  const incident = incidentOf(e)
  if (incident) {
    const verb = e.type.slice('incident.'.length)
    return {
      title: `${incident.severity} incident ${verb} in ${incident.env}: ${incident.title}`,
      text:
        incident.status === 'resolved'
          ? `Incident ${incident.id} is resolved.`
          : `Incident ${incident.id} is ${incident.status}.${incident.next ? ` Next: ${incident.next}` : ''}`,
      facts: facts(e, [
        ['env', incident.env],
        ['release', incident.release],
        ['service', incident.services.join(', ')],
        ['severity', incident.severity],
      ]),
      nextAction: incident.status === 'resolved' ? null : incident.next,
    }
  }
  const env = (e.payload as { env?: string }).env
  return {
    title: `${e.type}${env ? ` in ${env}` : ''}`,
    text: e.reason ?? e.type,
    facts: facts(e, [['env', env]]),
    nextAction: null,
  }
}
