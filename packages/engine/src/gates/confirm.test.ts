import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { agentActor, humanActor, systemActor } from '../domain/actor.ts'
import type { Confirmation } from './confirm.ts'
import { confirmationGate } from './confirm.ts'

const scenarios: {
  name: string
  actor: ReturnType<typeof humanActor>
  c: Confirmation
  approvers: string[]
  allowed: boolean
  match?: RegExp
}[] = [
  {
    name: 'allows a person who typed the environment name',
    actor: humanActor('ana'),
    c: { kind: 'typed', answer: 'production' },
    approvers: [],
    allowed: true,
  },
  {
    name: 'allows surrounding spaces in the typed name',
    actor: humanActor('ana'),
    c: { kind: 'typed', answer: ' production\n' },
    approvers: [],
    allowed: true,
  },
  {
    name: 'denies a wrong typed name',
    actor: humanActor('ana'),
    c: { kind: 'typed', answer: 'yes' },
    approvers: ['bo'],
    allowed: false,
    match: /typed "yes", not "production"/,
  },
  {
    name: 'denies an abandoned prompt',
    actor: humanActor('ana'),
    c: { kind: 'typed', answer: null },
    approvers: [],
    allowed: false,
    match: /not confirmed/,
  },
  {
    name: 'allows non-interactive with a prior human approval',
    actor: humanActor('ana'),
    c: { kind: 'non-interactive', ci: false },
    approvers: ['bo'],
    allowed: true,
  },
  {
    name: 'denies non-interactive without an approval',
    actor: humanActor('ana'),
    c: { kind: 'non-interactive', ci: false },
    approvers: [],
    allowed: false,
    match: /no terminal/,
  },
  {
    name: 'denies CI even with an approval',
    actor: humanActor('ana'),
    c: { kind: 'non-interactive', ci: true },
    approvers: ['bo'],
    allowed: false,
    match: /from CI/,
  },
  {
    name: 'denies an agent even after typing',
    actor: agentActor('deployment'),
    c: { kind: 'typed', answer: 'production' },
    approvers: ['bo'],
    allowed: false,
    match: /may only prepare/,
  },
  {
    name: 'denies the system actor',
    actor: systemActor(),
    c: { kind: 'non-interactive', ci: false },
    approvers: ['bo'],
    allowed: false,
  },
]

describe('confirmationGate', () => {
  for (const s of scenarios) {
    it(s.name, () => {
      const d = confirmationGate('production', s.actor, s.c, s.approvers)
      assert.equal(d.allowed, s.allowed)
      if (!d.allowed && s.match) assert.match(d.reasons[0]!.message, s.match)
    })
  }
})
