/**
 * @module The built-in playbooks, one per incident type: ordered steps with an owner (a role), the exact `rina`
 * command where there is one, and whether the step is a decision a person takes. Commands carry placeholders the
 * plan fills in: {env} {incident} {to} {release} {reason} {severity} {notify} {message}. Config can replace or
 * extend them (see config.ts and mergePlaybooks).
 */
import type { IncidentType, Playbook, PlaybookStep, Playbooks } from './types.ts'

export const ROLES = {
  commander: 'incident commander',
  onCall: 'on-call engineer',
  comms: 'communications',
  security: 'security lead',
  desktop: 'desktop release owner',
} as const

/** Placeholders a playbook command may use. */
export const PLACEHOLDERS = [
  'env',
  'incident',
  'to',
  'release',
  'reason',
  'severity',
  'notify',
  'message',
] as const

const ack: PlaybookStep = {
  id: 'acknowledge',
  title: 'Acknowledge the incident and take the incident commander role',
  owner: ROLES.onCall,
  command: 'rina incident ack {incident}',
  human: false,
  action: 'acknowledge',
}
const healthCheck = (title: string): PlaybookStep => ({
  id: 'assess-health',
  title,
  owner: ROLES.onCall,
  command: 'rina health-check {env}',
  human: false,
  action: 'assess',
})
const notify = (title: string, owner: string = ROLES.comms): PlaybookStep => ({
  id: 'notify',
  title,
  owner,
  command: 'rina notify "{message}" --severity {notify} --env {env}',
  human: false,
  action: 'notify',
})
const freeze = (title: string): PlaybookStep => ({
  id: 'freeze',
  title,
  owner: ROLES.commander,
  command: 'rina freeze enable --env {env} --reason "{reason}"',
  human: true,
  action: 'freeze',
  when: 'production',
})
const rollback = (title: string): PlaybookStep => ({
  id: 'rollback',
  title,
  owner: ROLES.commander,
  command: 'rina rollback {env} --to {to} --reason "{reason}"',
  human: true,
  action: 'rollback',
  when: 'rollback-ready',
})
const escalate: PlaybookStep = {
  id: 'escalate',
  title: 'Escalate: the impact has grown beyond the current severity',
  owner: ROLES.commander,
  command: 'rina incident escalate {incident} --severity {severity} --reason "{reason}"',
  human: true,
  action: 'escalate',
  when: 'severity-rising',
}
const investigate = (title: string): PlaybookStep => ({
  id: 'investigate',
  title,
  owner: ROLES.onCall,
  command: 'rina incident show {incident}',
  human: false,
  action: 'investigate',
})
const review: PlaybookStep = {
  id: 'review-release',
  title: 'Review the release the incident follows: its commits and preflight findings',
  owner: ROLES.onCall,
  command: 'rina review {release}',
  human: false,
  action: 'investigate',
  when: 'follows-deploy',
}
const verify: PlaybookStep = {
  id: 'verify',
  title: 'Verify the service is restored: every probe passes',
  owner: ROLES.onCall,
  command: 'rina health-check {env}',
  human: false,
  action: 'verify',
}
const resolve: PlaybookStep = {
  id: 'resolve',
  title: 'Resolve the incident; a postmortem draft is written',
  owner: ROLES.commander,
  command: 'rina incident resolve {incident} --reason "…"',
  human: true,
  action: 'resolve',
}
const mitigate = (id: string, title: string, owner: string = ROLES.onCall): PlaybookStep => ({
  id,
  title,
  owner,
  human: true,
  action: 'mitigate',
})

const BUILT_IN: Record<IncidentType, Playbook> = {
  outage: {
    type: 'outage',
    title: 'Outage: a service does not answer',
    steps: [
      ack,
      healthCheck('Confirm which services and probes are down'),
      notify('Tell users and stakeholders about the outage'),
      freeze('Freeze deploys so nothing else changes while the outage lasts'),
      rollback('Roll back to the release that ran before'),
      escalate,
      investigate('Work through the ranked root-cause hypotheses and their evidence'),
      verify,
      resolve,
    ],
  },
  'degraded-performance': {
    type: 'degraded-performance',
    title: 'Degraded performance: slow or intermittent answers',
    steps: [
      ack,
      healthCheck('Measure which probes are slow or failing intermittently'),
      investigate('Check the hypotheses: recent deploy, load spike, external dependency'),
      notify('Post a status update about slower service'),
      mitigate('scale-or-shed', 'Add capacity or shed load if traffic grew'),
      rollback('Roll back if the slowdown began with the last deploy'),
      escalate,
      verify,
      resolve,
    ],
  },
  'elevated-errors': {
    type: 'elevated-errors',
    title: 'Elevated errors: error rate or new errors in the logs',
    steps: [
      ack,
      investigate('Read the new and spiking error templates with their examples'),
      review,
      healthCheck('Check whether users see failures (probes)'),
      freeze('Hold further deploys until the errors are understood'),
      rollback('Roll back if the errors started with the last release'),
      notify('Tell stakeholders that errors are elevated'),
      escalate,
      verify,
      resolve,
    ],
  },
  'failed-deploy': {
    type: 'failed-deploy',
    title: 'Failed deploy: a deploy or its verification failed',
    steps: [
      ack,
      healthCheck('Check what serves traffic now and whether it is healthy'),
      freeze('Freeze deploys until the failure is understood'),
      rollback('Switch back to the release that ran before the failed deploy'),
      notify('Tell the team the deploy failed and what runs now'),
      review,
      escalate,
      verify,
      resolve,
    ],
  },
  security: {
    type: 'security',
    title: 'Security: possible exposure of data or credentials',
    steps: [
      ack,
      freeze('Freeze deploys: nothing ships until the exposure is contained'),
      notify('Alert the security lead (no secret values in the message)', ROLES.security),
      mitigate(
        'contain',
        'Contain: revoke and rotate exposed credentials, block the access path',
        ROLES.security,
      ),
      {
        id: 'audit',
        title: 'Check the audit trail for tampering and see who did what',
        owner: ROLES.security,
        command: 'rina audit verify',
        human: false,
        action: 'investigate',
      },
      rollback('Roll back if the release introduced the exposure'),
      escalate,
      verify,
      resolve,
    ],
  },
  'electron-update-failure': {
    type: 'electron-update-failure',
    title: 'Electron update failure: the update feed or its artifacts are broken',
    steps: [
      ack,
      healthCheck('Check the update feed: version served, artifact reachable, checksum'),
      mitigate(
        'pause-rollout',
        'Pause the staged rollout so no more clients fetch the broken update',
        ROLES.desktop,
      ),
      rollback('Point the feed back to the previous release'),
      notify('Tell desktop users and support what to expect', ROLES.comms),
      escalate,
      verify,
      resolve,
    ],
  },
}

export const builtInPlaybooks: Playbooks = BUILT_IN
