/**
 * @module The start-time check: /proc stat lines parse (whatever the command name holds), and a recorded group
 * counts as running only on its own host and boot, with its leader's start time, leading its group, not a zombie.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { ProcessGroupRef } from '../domain/events.ts'
import type { GroupCheck, Machine } from './group-identity.ts'
import { checkGroup, recordGroup, thisMachine } from './group-identity.ts'
import type { ProcStat } from './process-group.ts'
import { parseProcStat, readProcStat } from './process-group.ts'

/** A /proc/<pid>/stat line: state, pgrp and start time where the kernel puts them (fields 3, 5 and 22). */
const statLine = (comm: string, state: string, pgrp: number, start: number) =>
  `4242 (${comm}) ${state} 1 ${pgrp} ${pgrp} 0 -1 4194560 120 0 0 0 0 0 0 0 20 0 1 0 ${start} 2936832 200 ` +
  '18446744073709551615 1 1 0 0 0 0 0 0 65536 0 0 0 17 3 0 0 0 0 0\n'

describe('parseProcStat', () => {
  it('reads state, process group and start time when the command name is plain', () => {
    assert.deepEqual(parseProcStat(statLine('sh', 'S', 4242, 68257)), {
      state: 'S',
      pgrp: 4242,
      startTime: 68257,
    })
  })

  it('reads past a command name holding spaces and parentheses', () => {
    assert.deepEqual(parseProcStat(statLine('my (odd) ) name', 'Z', 77, 9)), {
      state: 'Z',
      pgrp: 77,
      startTime: 9,
    })
  })

  it('returns null when the text is not a stat line', () => {
    assert.equal(parseProcStat(''), null)
    assert.equal(parseProcStat('4242 (sh) S 1'), null)
  })

  it('agrees with the kernel about this very process when read from /proc', () => {
    const own = readProcStat(process.pid)
    assert.ok(own, 'this test runs where /proc exists')
    assert.equal(own.state, 'R')
    assert.ok(own.startTime > 0)
  })
})

describe('checkGroup', () => {
  const here: Machine = { host: 'web-1', bootId: 'boot-a' }
  const ref: ProcessGroupRef = { host: 'web-1', bootId: 'boot-a', pgid: 4242, startTime: 68257 }
  const leader: ProcStat = { state: 'S', pgrp: 4242, startTime: 68257 }

  const scenarios: [
    name: string,
    ref: ProcessGroupRef,
    at: Machine,
    leader: ProcStat | null,
    want: GroupCheck,
  ][] = [
    ['is running when the leader has the recorded start time', ref, here, leader, 'running'],
    ['is running while the leader is stopped (SIGSTOP)', ref, here, { ...leader, state: 'T' }, 'running'],
    ['has exited when the pid no longer exists', ref, here, null, 'exited'],
    [
      'has exited when the pid now names a process started later (reused)',
      ref,
      here,
      { ...leader, startTime: 70001 },
      'exited',
    ],
    [
      'has exited when the pid names a process started at another time, even earlier',
      ref,
      here,
      { ...leader, startTime: 100 },
      'exited',
    ],
    ['has exited when the leader is a zombie', ref, here, { ...leader, state: 'Z' }, 'exited'],
    [
      'has exited when the process with that start time leads another group',
      ref,
      here,
      { ...leader, pgrp: 1 },
      'exited',
    ],
    ['has exited when the machine has rebooted since', ref, { ...here, bootId: 'boot-b' }, leader, 'exited'],
    ['is elsewhere when it ran on another host', ref, { ...here, host: 'web-2' }, leader, 'elsewhere'],
    [
      'is unverifiable when no start time was recorded',
      { ...ref, startTime: null },
      here,
      leader,
      'unverifiable',
    ],
    [
      'is unverifiable when the boot cannot be told now',
      ref,
      { ...here, bootId: null },
      leader,
      'unverifiable',
    ],
  ]
  for (const [name, r, at, l, want] of scenarios) it(name, () => assert.equal(checkGroup(r, at, l), want))
})

describe('recordGroup', () => {
  it('names this host and boot, the pid as group id and its start time', () => {
    const ref = recordGroup(process.pid)
    assert.deepEqual(ref, {
      ...thisMachine(),
      pgid: process.pid,
      startTime: readProcStat(process.pid)!.startTime,
    })
    assert.equal(
      checkGroup(ref, thisMachine(), { ...readProcStat(process.pid)!, pgrp: process.pid }),
      'running',
    )
  })
})
