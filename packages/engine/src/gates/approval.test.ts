import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { agentActor, humanActor } from '../domain/actor.ts'
import type { State } from '../domain/state.ts'
import { approvalBy, releaseState, stateWith } from '../testing/state.ts'
import { approvalsGate, approverGate } from './approval.ts'

const ana = humanActor('ana')
const bo = humanActor('bo')
const cy = humanActor('cy')
const strict = { required: 1, allowSelfApproval: false }
const two = { required: 2, allowSelfApproval: false }
const solo = { required: 1, allowSelfApproval: true }
const withApprovals = (...by: ReturnType<typeof approvalBy>[]): State =>
  stateWith(releaseState('1.4.2', { approvals: { production: by } }))

describe('approvalsGate', () => {
  const scenarios = [
    {
      name: 'denies a release with no approvals',
      state: withApprovals(),
      policy: strict,
      allowed: false,
      code: 'APPROVAL_REQUIRED',
    },
    {
      name: 'allows one approval by another person',
      state: withApprovals(approvalBy(bo)),
      policy: strict,
      allowed: true,
    },
    {
      name: 'does not count the requester when self-approval is off',
      state: withApprovals(approvalBy(ana)),
      policy: strict,
      allowed: false,
      match: /does not count/,
    },
    {
      name: 'counts the requester when self-approval is on',
      state: withApprovals(approvalBy(ana)),
      policy: solo,
      allowed: true,
    },
    {
      name: 'counts one person once towards two approvals',
      state: withApprovals(approvalBy(bo, 1), approvalBy(bo, 2)),
      policy: two,
      allowed: false,
    },
    {
      name: 'allows two distinct approvers',
      state: withApprovals(approvalBy(bo), approvalBy(cy)),
      policy: two,
      allowed: true,
    },
    {
      name: 'ignores approvals recorded by agents',
      state: withApprovals(approvalBy(agentActor('deployment'))),
      policy: strict,
      allowed: false,
    },
    {
      name: 'allows anything when no approval is required',
      state: withApprovals(),
      policy: { required: 0, allowSelfApproval: false },
      allowed: true,
    },
    { name: 'denies an unknown release', state: stateWith(), policy: strict, allowed: false },
  ]
  for (const s of scenarios) {
    it(s.name, () => {
      const d = approvalsGate(s.state, { release: '1.4.2', env: 'production' }, s.policy)
      assert.equal(d.allowed, s.allowed)
      if (!d.allowed && s.code) assert.equal(d.reasons[0]!.code, s.code)
      if (!d.allowed && s.match) assert.match(d.reasons[0]!.message, s.match)
    })
  }
})

describe('approverGate', () => {
  const scenarios = [
    { name: 'allows another human', actor: bo, policy: strict, state: withApprovals(), code: null },
    {
      name: 'refuses the requester when self-approval is off',
      actor: ana,
      policy: strict,
      state: withApprovals(),
      code: 'SELF_APPROVAL',
    },
    {
      name: 'allows the requester when self-approval is on',
      actor: ana,
      policy: solo,
      state: withApprovals(),
      code: null,
    },
    {
      name: 'refuses an agent',
      actor: agentActor('incident'),
      policy: solo,
      state: withApprovals(),
      code: 'HUMAN_REQUIRED',
    },
    {
      name: 'refuses a second approval by the same person',
      actor: bo,
      policy: strict,
      state: withApprovals(approvalBy(bo)),
      code: 'ALREADY_APPROVED',
    },
    { name: 'refuses an unknown release', actor: bo, policy: strict, state: stateWith(), code: 'NOT_FOUND' },
  ]
  for (const s of scenarios) {
    it(s.name, () => {
      const d = approverGate(s.state, { release: '1.4.2', env: 'production' }, s.actor, s.policy)
      assert.equal(d.allowed, s.code === null)
      if (!d.allowed) assert.equal(d.reasons[0]!.code, s.code)
    })
  }
})
