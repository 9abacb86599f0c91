/**
 * @module Recovery of a run whose process died, with real processes: the command it left running is stopped
 * (SIGKILL after the grace period when it ignores SIGTERM) before the lock is released, and a recorded group whose
 * leader is not the recorded process any more is left alone; the interrupted event says which was which.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { hostname } from 'node:os'
import { describe, it } from 'node:test'
import type { JournalEvent, ProcessGroupRef } from '../domain/events.ts'
import { recordGroup } from '../providers/group-identity.ts'
import { groupAlive } from '../providers/process-group.ts'
import { testContext } from '../testing/context.ts'
import { startGroup } from '../testing/process-groups.ts'
import { LOCK_TTL_MS, recoverInterruptedRuns } from './lock.ts'

/** The pid of a process that has ended: a holder naming it is certainly dead. */
async function deadPid(): Promise<number> {
  const child = spawn('true')
  await new Promise((r) => child.on('exit', r))
  return child.pid!
}

/** A run whose process died mid-step, holding the staging lock, with the step's command group journaled. */
async function diedMidStep(group: ProcessGroupRef) {
  const ctx = testContext()
  const holder = `run_1@${hostname()}:${await deadPid()}`
  const base = { runId: 'run_1', env: 'staging' }
  await ctx.journal.append([
    {
      type: 'deploy.started',
      actor: ctx.actor,
      reason: null,
      payload: {
        ...base,
        release: '2.0.0',
        kind: 'deploy',
        services: [{ service: 'api', previous: null }],
        steps: [{ id: 'api:deploy', service: 'api', action: 'command', description: 'deploy api' }],
        confirmation: 'not-required',
        holder,
      },
    },
    {
      type: 'deploy.command_started',
      actor: ctx.actor,
      reason: null,
      payload: { ...base, stepId: 'api:deploy', service: 'api', group },
    },
  ])
  await ctx.store.locks.acquire('staging', holder, LOCK_TTL_MS, ctx.clock.now().getTime())
  return ctx
}

async function interrupted(ctx: ReturnType<typeof testContext>) {
  const [e] = await ctx.journal.query({ types: ['deploy.interrupted'] })
  return e as JournalEvent<'deploy.interrupted'>
}

describe('recoverInterruptedRuns', () => {
  it('kills the command left running when it ignores SIGTERM, then releases the lock', async () => {
    const pgid = await startGroup(`trap '' TERM; sleep 60 & echo ready; wait`)
    const ctx = await diedMidStep(recordGroup(pgid))
    assert.deepEqual(await recoverInterruptedRuns(ctx, 'staging', { killGraceMs: 200 }), ['run_1'])
    assert.equal(groupAlive(pgid), false)
    assert.equal(await ctx.store.locks.inspect('staging', ctx.clock.now().getTime()), null)
    const e = await interrupted(ctx)
    assert.deepEqual(e.payload.commands, [
      { stepId: 'api:deploy', service: 'api', host: hostname(), pgid, outcome: 'killed' },
    ])
    assert.match(
      e.reason ?? '',
      /command of api:deploy \(process group \d+ on .+\) was still running and was killed/,
    )
    assert.equal((await ctx.journal.state()).runs.run_1?.status, 'interrupted')
  })

  it('leaves a process alone when its pid no longer names the recorded leader', async () => {
    const pgid = await startGroup('echo ready; sleep 60')
    const ref = recordGroup(pgid)
    const ctx = await diedMidStep({ ...ref, startTime: ref.startTime! + 1 })
    await recoverInterruptedRuns(ctx, 'staging', { killGraceMs: 200 })
    assert.equal(groupAlive(pgid), true)
    assert.equal((await interrupted(ctx)).payload.commands?.[0]?.outcome, 'exited')
  })
})
