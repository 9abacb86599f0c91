/**
 * @module Process groups: a stopped command takes its whole tree with it (the shell, a child and a sleeping
 * grandchild), SIGKILL follows SIGTERM for a process that ignores it, a background process left holding the
 * output pipe does not keep a finished command from returning, and a command runs only once its group is recorded.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import type { ProcessGroupRef } from '../domain/events.ts'
import { thisMachine } from './group-identity.ts'
import { runCommand, type CommandRun } from './spawn.ts'

const dir = mkdtempSync(join(tmpdir(), 'rina-spawn-'))
after(() => rmSync(dir, { recursive: true, force: true }))

/** Gone, or a zombie waiting to be reaped: either way it runs no more. */
function dead(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

const pids = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split(/\s+/).map(Number)

/** The shell writes its pid, starts a child shell that writes its own and its sleeping grandchild's, then waits. */
const TREE = `echo $$ > tree.pids; sh -c 'sleep 60 & echo $$ $! >> tree.pids; echo ready; wait'; echo never`

function run(over: Partial<CommandRun>): ReturnType<typeof runCommand> {
  return runCommand({
    command: TREE,
    cwd: dir,
    env: process.env,
    signal: new AbortController().signal,
    log: () => {},
    now: () => new Date(),
    graceMs: 2_000,
    ...over,
  })
}

describe('runCommand', () => {
  it('kills the shell, its child and the sleeping grandchild when the timeout passes', async () => {
    const result = await run({ timeoutMs: 3_000 })
    assert.equal(result.timedOut, true)
    const tree = pids('tree.pids')
    assert.equal(tree.length, 3, 'shell, child and grandchild wrote their pids')
    for (const pid of tree) assert.ok(dead(pid), `process ${pid} survived the timeout`)
  })

  it('kills the whole tree when the signal aborts', async () => {
    const abort = new AbortController()
    const result = await run({
      signal: abort.signal,
      log: (line) => (line === 'ready' ? abort.abort() : undefined),
    })
    assert.deepEqual([result.aborted, result.timedOut, result.exitCode], [true, false, null])
    for (const pid of pids('tree.pids')) assert.ok(dead(pid), `process ${pid} survived the abort`)
  })

  it('sends SIGKILL after the grace period when a process ignores SIGTERM', async () => {
    const abort = new AbortController()
    const result = await run({
      command: `sh -c 'trap "" TERM; echo $$ > stubborn.pids; echo ready; while :; do sleep 1; done'`,
      signal: abort.signal,
      graceMs: 300,
      log: (line) => (line === 'ready' ? abort.abort() : undefined),
    })
    assert.equal(result.aborted, true)
    for (const pid of pids('stubborn.pids')) assert.ok(dead(pid), `process ${pid} survived SIGKILL`)
  })

  it('returns when the shell exits even though a background process still holds its output', async () => {
    const lines: string[] = []
    const result = await run({
      command: 'sleep 60 & echo $! > daemon.pids; echo started',
      log: (line) => lines.push(line),
    })
    const [daemon] = pids('daemon.pids')
    try {
      assert.deepEqual([result.exitCode, lines], [0, ['started']])
      assert.ok(!dead(daemon!), 'a finished command leaves what it started in the background running')
    } finally {
      process.kill(daemon!, 'SIGKILL')
    }
  })

  it('runs the command only once its process group is recorded', async () => {
    const groups: ProcessGroupRef[] = []
    const result = await run({
      command: 'cat recorded.txt; echo $$',
      started: async (group) => {
        groups.push(group)
        writeFileSync(join(dir, 'recorded.txt'), 'recorded\n')
      },
      log: () => {},
    })
    assert.deepEqual([result.exitCode, result.lastStdout], [0, String(result.pgid)])
    assert.equal(groups.length, 1)
    const { startTime, ...where } = groups[0]!
    assert.deepEqual(where, { ...thisMachine(), pgid: result.pgid })
    assert.ok(startTime !== null && startTime > 0)
  })

  it('does not run the command when its process group cannot be recorded', async () => {
    const result = await run({
      command: 'echo ran > ran.txt',
      started: () => Promise.reject(new Error('the journal is read-only')),
    })
    assert.equal(result.startError, 'its process group could not be recorded: the journal is read-only')
    assert.ok(!existsSync(join(dir, 'ran.txt')), 'the command ran')
    assert.ok(dead(result.pgid!))
  })

  it('reports why it could not start when the shell cannot be found', async () => {
    const result = await run({ command: 'true', env: { PATH: join(dir, 'nowhere') } })
    assert.match(result.startError ?? '', /ENOENT/)
  })
})
