import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { redact } from './redact.ts'

describe('redact', () => {
  const secrets: [string, string][] = [
    ['password=hunter2 user=bob', 'hunter2'],
    ['{"api_key": "k-123456789"}', 'k-123456789'],
    ['Authorization: Bearer abcdefghijklmnop', 'abcdefghijklmnop'],
    ['fetch https://bob:s3cret@example.com/x', 's3cret'],
    [
      'token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'eyJhbGci',
    ],
    ['key AKIAIOSFODNN7EXAMPLE used', 'AKIAIOSFODNN7EXAMPLE'],
    ['ghp_0123456789abcdefghijklmnopqrstuvwxyz12 pushed', 'ghp_0123456789'],
  ]
  for (const [line, secret] of secrets) {
    it(`removes ${secret.slice(0, 8)}… when a line carries it`, () => {
      const out = redact(line)
      assert.ok(!out.includes(secret), out)
      assert.ok(out.includes('[REDACTED]'))
    })
  }

  it('leaves ordinary lines alone when they hold no secret', () => {
    const line = 'pam_unix(sshd:auth): authentication failure; logname= uid=0 rhost=10.0.0.1'
    assert.equal(redact(line), line)
  })
})
