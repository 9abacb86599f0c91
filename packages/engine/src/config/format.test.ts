import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatConfigIssues } from './format.ts'
import { formatPath } from './issue.ts'

describe('formatConfigIssues', () => {
  it('prints one line per issue with position, path, message and hint', () => {
    const text = formatConfigIssues([
      {
        file: 'rina.yml',
        line: 12,
        column: 7,
        path: 'environments.production.x',
        kind: 'unknown-key',
        message: 'unknown key "x"',
        hint: 'did you mean "y"?',
      },
      { file: 'rina.yml', line: 1, column: 1, path: '', kind: 'syntax', message: 'bad', hint: 'fix it' },
    ])
    assert.equal(
      text,
      'rina.yml:12:7  environments.production.x  unknown key "x" (hint: did you mean "y"?)\nrina.yml:1:1  bad (hint: fix it)',
    )
  })
})

describe('formatPath', () => {
  it('joins keys with dots and indexes with brackets', () => {
    assert.equal(
      formatPath(['environments', 'staging', 'probes', 0, 'url']),
      'environments.staging.probes[0].url',
    )
  })
  it('quotes keys that are not plain words', () => {
    assert.equal(formatPath(['expect', 'json', '$.status']), 'expect.json["$.status"]')
  })
})
