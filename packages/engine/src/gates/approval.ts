/**
 * @module Approval gates: a release needs N approvals by distinct humans for an environment; the person who
 * requested the release counts only where the policy allows self-approval.
 */
import type { Actor } from '../domain/actor.ts'
import { formatActor } from '../domain/actor.ts'
import type { State } from '../domain/state.ts'
import type { Decision } from './decision.ts'
import { allow, deny } from './decision.ts'

export interface ApprovalPolicy {
  required: number
  allowSelfApproval: boolean
}

/** Approvals that count: distinct humans, minus the requester unless self-approval is allowed. */
export function countingApprovers(
  state: State,
  release: string,
  env: string,
  policy: ApprovalPolicy,
): string[] {
  const r = state.releases[release]
  if (!r) return []
  const requester = r.registeredBy.id
  const ids = (r.approvals[env] ?? [])
    .filter((a) => a.by.kind === 'human')
    .map((a) => a.by.id)
    .filter((id) => policy.allowSelfApproval || id !== requester)
  return [...new Set(ids)]
}

export function approvalsGate(
  state: State,
  req: { release: string; env: string },
  policy: ApprovalPolicy,
): Decision {
  if (policy.required === 0) return allow
  const have = countingApprovers(state, req.release, req.env, policy)
  if (have.length >= policy.required) return allow
  const r = state.releases[req.release]
  const selfOnly =
    r && (r.approvals[req.env] ?? []).some((a) => a.by.id === r.registeredBy.id) && !policy.allowSelfApproval
  return deny({
    gate: 'approvals',
    code: 'APPROVAL_REQUIRED',
    message:
      `release ${req.release} has ${have.length} of ${policy.required} approval${policy.required === 1 ? '' : 's'} for ${req.env}` +
      (selfOnly ? ` (the approval by ${r.registeredBy.id}, who requested it, does not count)` : ''),
    hint: `another person runs: rina review ${req.release} && rina approve ${req.release} --env ${req.env} --reason "…"`,
  })
}

/** May this actor approve this release? Only humans; the requester only where the policy allows it. */
export function approverGate(
  state: State,
  req: { release: string; env: string },
  actor: Actor,
  policy: ApprovalPolicy,
): Decision {
  if (actor.kind !== 'human') {
    return deny({
      gate: 'approvals',
      code: 'HUMAN_REQUIRED',
      message: `approving is a human decision; ${formatActor(actor)} may only recommend it`,
    })
  }
  const r = state.releases[req.release]
  if (!r) {
    return deny({
      gate: 'approvals',
      code: 'NOT_FOUND',
      message: `release ${req.release} is not known`,
      hint: 'deploy it to staging first: rina deploy staging --release …',
    })
  }
  if (!policy.allowSelfApproval && r.registeredBy.id === actor.id) {
    return deny({
      gate: 'approvals',
      code: 'SELF_APPROVAL',
      message: `${actor.id} requested release ${req.release} and may not approve it for ${req.env}`,
      hint: 'ask someone else to review and approve it (a one-person team sets approval.allowSelfApproval: true)',
    })
  }
  if ((r.approvals[req.env] ?? []).some((a) => a.by.id === actor.id)) {
    return deny({
      gate: 'approvals',
      code: 'ALREADY_APPROVED',
      message: `${actor.id} already approved ${req.release} for ${req.env}`,
    })
  }
  return allow
}
