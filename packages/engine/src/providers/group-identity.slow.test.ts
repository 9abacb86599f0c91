/**
 * @module Stopping a recorded process group, with real processes: a running group (shell and sleeping child) is
 * stopped, one that ignores SIGTERM is killed after the grace period, and a group whose recorded start time is not
 * its leader's (a reused pid) or that has ended is left alone.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { describe, it } from 'node:test'
import { recordGroup, stopRecordedGroup } from './group-identity.ts'
import { startGroup } from '../testing/process-groups.ts'
import { groupAlive, signalGroup } from './process-group.ts'

describe('stopRecordedGroup', () => {
  it('stops the whole group with SIGTERM when its leader is the recorded one', async () => {
    const pgid = await startGroup('sleep 60 & echo ready; wait')
    assert.equal(await stopRecordedGroup(recordGroup(pgid), 5_000), 'stopped')
    assert.equal(groupAlive(pgid), false)
  })

  it('sends SIGKILL after the grace period when the group ignores SIGTERM', async () => {
    const pgid = await startGroup(`trap '' TERM; sleep 60 & echo ready; wait`)
    assert.equal(await stopRecordedGroup(recordGroup(pgid), 300), 'killed')
    assert.equal(groupAlive(pgid), false)
  })

  it('leaves the group alone when its leader has another start time than the one recorded', async () => {
    const pgid = await startGroup('echo ready; sleep 60')
    const ref = recordGroup(pgid)
    assert.equal(await stopRecordedGroup({ ...ref, startTime: ref.startTime! - 1 }, 300), 'exited')
    assert.equal(groupAlive(pgid), true)
    signalGroup(pgid, 'SIGKILL')
  })

  it('leaves the group alone when it was recorded on another host', async () => {
    const pgid = await startGroup('echo ready; sleep 60')
    assert.equal(
      await stopRecordedGroup({ ...recordGroup(pgid), host: 'elsewhere.invalid' }, 300),
      'elsewhere',
    )
    assert.equal(groupAlive(pgid), true)
    signalGroup(pgid, 'SIGKILL')
  })

  it('reports a group whose command has ended as exited', async () => {
    const child = spawn('sh', ['-c', 'read -r _'], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] })
    const ref = recordGroup(child.pid!)
    child.stdin!.end('\n')
    await new Promise((r) => child.on('exit', r))
    assert.equal(await stopRecordedGroup(ref, 300), 'exited')
  })
})
