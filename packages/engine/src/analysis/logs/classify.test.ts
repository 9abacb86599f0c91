import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { levelOfText, severityOf, wordingSeverity } from './classify.ts'
import type { Severity, SeverityInput } from './classify.ts'

describe('severityOf', () => {
  const scenarios: [string, SeverityInput, Severity][] = [
    ['trusts an error level', { level: 'error', text: 'request done' }, 'error'],
    [
      'raises an info line one step for failure wording',
      { level: 'info', text: 'connect failed to <*>' },
      'warning',
    ],
    [
      'raises an info line by one step only for fatal wording',
      { level: 'info', text: 'kernel panic on <*>' },
      'warning',
    ],
    [
      'raises a warning line to error for fatal wording',
      { level: 'warn', text: 'kernel panic on <*>' },
      'error',
    ],
    ['keeps debug lines at info whatever they say', { level: 'debug', text: 'retry failed' }, 'info'],
    [
      'uses wording alone without a level',
      { level: null, text: 'Out of memory: killed process <*>' },
      'fatal',
    ],
    [
      'discounts wording for a template that is a large share of the stream',
      { level: null, text: 'request failed', share: 0.5 },
      'warning',
    ],
    [
      'lowers corrected errors one step',
      { level: null, text: 'instruction cache parity error corrected' },
      'warning',
    ],
    [
      'makes a template with a stack trace an error',
      { level: null, text: 'job ended', exception: true },
      'error',
    ],
    ['reads plain messages as info', { level: null, text: 'server started on port <*>' }, 'info'],
  ]
  for (const [what, input, expected] of scenarios) {
    it(`${what} when given ${JSON.stringify(input)}`, () => assert.equal(severityOf(input), expected))
  }
})

describe('wordingSeverity', () => {
  it('reads warnings from deprecation and retry wording when nothing worse is said', () => {
    assert.equal(wordingSeverity('option x is deprecated'), 'warning')
    assert.equal(wordingSeverity('Retrying connect to server'), 'warning')
  })
})

describe('levelOfText', () => {
  it('finds a level written into the message when the header had none', () => {
    assert.equal(levelOfText('ERROR: disk full'), 'error')
    assert.equal(levelOfText('[warn] slow'), 'warn')
    assert.equal(levelOfText('error: Received disconnect'), 'error')
    assert.equal(levelOfText('no error here at all'), null)
  })
})
