/** @module openCommands finds the commands a run started and has not seen complete. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { humanActor } from '../domain/actor.ts'
import type { EventPayloads, ProcessGroupRef } from '../domain/events.ts'
import { event, t } from '../testing/incident.ts'
import { openCommands } from './open-commands.ts'

const ana = humanActor('ana@example.com')
const group = (pgid: number): ProcessGroupRef => ({ host: 'web-1', bootId: 'b', pgid, startTime: 100 + pgid })

const started = (runId: string, stepId: string, pgid: number) =>
  event(
    'deploy.command_started',
    { runId, env: 'staging', stepId, service: 'api', group: group(pgid) },
    t(0),
    ana,
  )

const completed = (runId: string, stepId: string, ok = true) =>
  event(
    'deploy.step_completed',
    { runId, env: 'staging', stepId, service: 'api', action: 'command', ok, durationMs: 5, reason: null },
    t(1),
    ana,
  )

const failed: EventPayloads['deploy.failed'] = {
  runId: 'run_2',
  env: 'staging',
  release: '1.0.0',
  kind: 'deploy',
  reason: 'x',
  failedStep: null,
  durationMs: 1,
}

describe('openCommands', () => {
  it('lists a command whose step has not completed when the run stopped mid-step', () => {
    const open = openCommands([started('run_1', 'api:deploy', 41), completed('run_1', 'api:deploy')])
    assert.deepEqual(open, {})
    assert.deepEqual(openCommands([started('run_1', 'web:start', 42)]), {
      run_1: [{ stepId: 'web:start', service: 'api', group: group(42) }],
    })
  })

  it('keeps only the unfinished step when an earlier one completed, failed or not', () => {
    const open = openCommands([
      started('run_1', 'a', 1),
      completed('run_1', 'a', false),
      started('run_1', 'b', 2),
      started('run_3', 'c', 3),
    ])
    assert.deepEqual(Object.keys(open).sort(), ['run_1', 'run_3'])
    assert.deepEqual(
      open.run_1!.map((c) => c.stepId),
      ['b'],
    )
  })

  it('forgets a run once it has ended', () => {
    assert.deepEqual(openCommands([started('run_2', 'a', 1), event('deploy.failed', failed, t(2), ana)]), {})
  })
})
