/** @module commandOutcome words how a command ended as a reason a person can act on. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { commandOutcome } from './outcome.ts'
import type { CommandResult } from './spawn.ts'

const ended = (over: Partial<CommandResult>): CommandResult => ({
  exitCode: 0,
  signal: null,
  timedOut: false,
  aborted: false,
  startError: null,
  durationMs: 2_140,
  lastStderr: null,
  lastStdout: null,
  pgid: 100,
  ...over,
})

describe('commandOutcome', () => {
  const scenarios: [name: string, result: Partial<CommandResult>, want: ReturnType<typeof commandOutcome>][] =
    [
      ['succeeds', {}, { ok: true, durationMs: 2_140 }],
      [
        'quotes the last stderr line when the command exits non-zero',
        { exitCode: 3, lastStderr: '  migration 0042 failed ', lastStdout: 'step 2' },
        {
          ok: false,
          durationMs: 2_140,
          exitCode: 3,
          reason: 'deploy command exited with 3 after 2.1s: migration 0042 failed',
        },
      ],
      [
        'quotes the last stdout line when there is no stderr',
        { exitCode: 1, lastStdout: 'no space left' },
        {
          ok: false,
          durationMs: 2_140,
          exitCode: 1,
          reason: 'deploy command exited with 1 after 2.1s: no space left',
        },
      ],
      [
        'names the configured limit when the command times out',
        { exitCode: null, signal: 'SIGTERM', timedOut: true },
        {
          ok: false,
          durationMs: 2_140,
          exitCode: null,
          timedOut: true,
          reason: 'deploy command timed out after 2s and was stopped',
        },
      ],
      [
        'says it was cancelled when aborted',
        { exitCode: null, signal: 'SIGTERM', aborted: true },
        { ok: false, durationMs: 2_140, exitCode: null, reason: 'deploy command was cancelled after 2.1s' },
      ],
      [
        'names the signal when something else killed it',
        { exitCode: null, signal: 'SIGKILL' },
        {
          ok: false,
          durationMs: 2_140,
          exitCode: null,
          reason: 'deploy command was killed by SIGKILL after 2.1s',
        },
      ],
      [
        'says why when it could not start',
        { exitCode: null, startError: 'working directory /srv/app does not exist' },
        {
          ok: false,
          durationMs: 2_140,
          reason: 'deploy command could not start: working directory /srv/app does not exist',
        },
      ],
    ]
  for (const [name, result, want] of scenarios)
    it(`${name} when wording the outcome`, () =>
      assert.deepEqual(commandOutcome('deploy command', ended(result), 2_000), want))

  it('cuts a very long quoted line when wording the outcome', () => {
    const o = commandOutcome('deploy command', ended({ exitCode: 2, lastStderr: 'e'.repeat(1_000) }))
    assert.ok(!o.ok && o.reason.endsWith('…') && o.reason.length < 400)
  })
})
