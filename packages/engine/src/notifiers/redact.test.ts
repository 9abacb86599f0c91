/** @module The redact stage removes known secrets and secret-looking values from text and notifications. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sampleNotification } from '../testing/notifier.conformance.ts'
import { redactNotification, redactString } from './redact.ts'

describe('redactString', () => {
  const scenarios: [name: string, input: string, secrets: string[], want: string][] = [
    ['replaces a known secret', 'token is s3cr3t-value here', ['s3cr3t-value'], 'token is [REDACTED] here'],
    ['replaces a URL-encoded secret', 'url?x=a%2Fb%2Bc%3D%3D', ['a/b+c=='], 'url?x=[REDACTED]'],
    ['ignores secrets shorter than 4 characters', 'abc abc', ['abc'], 'abc abc'],
    [
      'prefers the longest secret when they overlap',
      'https://h/x/TOKEN123456',
      ['https://h/x/TOKEN123456', 'TOKEN123456'],
      '[REDACTED]',
    ],
    ['removes a Slack token', 'auth xoxb-1234567890-abcdefghij failed', [], 'auth [REDACTED] failed'],
    ['removes a GitHub token', 'ghp_abcdefghijklmnopqrstuvwx1234', [], '[REDACTED]'],
    ['removes an AWS access key id', 'key AKIAABCDEFGHIJKLMNOP', [], 'key [REDACTED]'],
    [
      'keeps the scheme of a bearer header',
      'Authorization: Bearer abc.def.ghi-123',
      [],
      'Authorization: Bearer [REDACTED]',
    ],
    [
      'removes a password in a URL',
      'postgres://app:pa55w0rd@db:5432/x',
      [],
      'postgres://app:[REDACTED]@db:5432/x',
    ],
    ['removes a key=value secret', 'password=hunter2 user=ana', [], 'password=[REDACTED] user=ana'],
    [
      'removes a Slack webhook path',
      'POST https://hooks.slack.com/services/T1/B2/XyZ',
      [],
      'POST https://hooks.slack.com/services/[REDACTED]',
    ],
    [
      'leaves ordinary text alone',
      'Deploy of api 1.4.2 failed: HTTP 503',
      [],
      'Deploy of api 1.4.2 failed: HTTP 503',
    ],
  ]
  for (const [name, input, secrets, want] of scenarios) {
    it(`${name} when redacting text`, () => assert.equal(redactString(input, secrets), want))
  }
})

describe('redactNotification', () => {
  it('masks facts under secret-looking labels and known secrets everywhere when redacting', () => {
    const n = sampleNotification({
      title: 'leak s3cr3t-value',
      facts: [
        { label: 'API key', value: 'plain-looking' },
        { label: 'Password', value: 'x' },
        { label: 'Release', value: 'api@1.4.2' },
      ],
      nextAction: 'curl -H "Authorization: Bearer abcdefgh12345"',
    })
    const r = redactNotification(n, ['s3cr3t-value'])
    assert.equal(r.title, 'leak [REDACTED]')
    assert.deepEqual(r.facts, [
      { label: 'API key', value: '[REDACTED]' },
      { label: 'Password', value: '[REDACTED]' },
      { label: 'Release', value: 'api@1.4.2' },
    ])
    assert.equal(r.nextAction, 'curl -H "Authorization: Bearer [REDACTED]"')
    assert.equal(n.title, 'leak s3cr3t-value', 'the input is not changed')
  })
})
