import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { humanActor } from '../../domain/actor.ts'
import type { RunState } from '../../domain/state.ts'
import { deployFact, t } from '../../testing/incident.ts'
import type { DeployFact } from './deploys.ts'
import { deployBefore, deployFacts } from './deploys.ts'

const run = (id: string, over: Partial<RunState>): RunState => ({
  id,
  env: 'production',
  release: '1.0.0',
  kind: 'deploy',
  status: 'succeeded',
  actor: humanActor('ana'),
  startedAt: t(0),
  endedAt: t(1),
  holder: 'h',
  services: [],
  planned: [],
  completedSteps: [],
  reason: null,
  failedStep: null,
  confirmation: 'typed',
  ...over,
})

describe('deployFacts', () => {
  it('orders runs by start and takes the most common previous release when services differ', () => {
    const facts = deployFacts({
      runs: {
        b: run('b', {
          release: '1.1.0',
          startedAt: t(10),
          services: [
            { service: 'api', previous: '1.0.0' },
            { service: 'web', previous: '1.0.0' },
            { service: 'worker', previous: null },
          ],
        }),
        a: run('a', {}),
      },
    })
    assert.deepEqual(
      facts.map((f) => [f.runId, f.release, f.previous]),
      [
        ['a', '1.0.0', null],
        ['b', '1.1.0', '1.0.0'],
      ],
    )
  })
})

describe('deployBefore', () => {
  const d = deployFact('1.1.0', { startedAt: t(-10), endedAt: t(-8) })
  const scenarios: {
    name: string
    deploys: DeployFact[]
    time: string
    env?: string
    release: string | null
  }[] = [
    {
      name: 'finds the deploy when a signal follows it within the window',
      deploys: [d],
      time: t(0),
      release: '1.1.0',
    },
    {
      name: 'finds the deploy when a signal arrives while it runs',
      deploys: [d],
      time: t(-9),
      release: '1.1.0',
    },
    {
      name: 'finds nothing when the deploy is older than the window',
      deploys: [d],
      time: t(200),
      release: null,
    },
    {
      name: 'finds nothing when the deploy started after the signal',
      deploys: [d],
      time: t(-20),
      release: null,
    },
    {
      name: 'finds nothing when the deploy went to another environment',
      deploys: [d],
      time: t(0),
      env: 'staging',
      release: null,
    },
    {
      name: 'finds nothing when a rollback ran after the deploy',
      deploys: [d, deployFact('1.0.0', { kind: 'rollback', startedAt: t(-5), endedAt: t(-4) })],
      time: t(0),
      release: null,
    },
    {
      name: 'finds the latest when two deploys preceded the signal',
      deploys: [d, deployFact('1.2.0', { startedAt: t(-3), endedAt: t(-2) })],
      time: t(0),
      release: '1.2.0',
    },
  ]
  for (const s of scenarios) {
    it(`${s.name}`, () => {
      assert.equal(deployBefore(s.deploys, s.env ?? 'production', s.time)?.release ?? null, s.release)
    })
  }
})
