/** @module verifyWebhookSignature accepts what signatureHeader produced and rejects tampering and replays. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { signatureHeader, signatureHex, verifyWebhookSignature } from './signature.ts'

const SECRET = 'whsec_0123456789abcdef'
const BODY = '{"id":"ntf_1","title":"Deploy failed"}'
const T = 1_767_607_200 // 2026-01-05T10:00:00Z
const at = (sec: number) => new Date(sec * 1000)

describe('verifyWebhookSignature', () => {
  const header = signatureHeader(BODY, T, SECRET)
  const scenarios: {
    name: string
    body?: string
    header?: string | null
    secret?: string
    now?: number
    want: unknown
  }[] = [
    { name: 'accepts a fresh, intact request', want: { ok: true, timestamp: T } },
    {
      name: 'accepts a request at the edge of the tolerance',
      now: T + 300,
      want: { ok: true, timestamp: T },
    },
    {
      name: 'rejects a replay older than the tolerance',
      now: T + 301,
      want: { ok: false, reason: 'expired' },
    },
    {
      name: 'rejects a timestamp too far in the future',
      now: T - 301,
      want: { ok: false, reason: 'expired' },
    },
    { name: 'rejects a changed body', body: `${BODY} `, want: { ok: false, reason: 'mismatch' } },
    {
      name: 'rejects another secret',
      secret: 'whsec_other_secret_value',
      want: { ok: false, reason: 'mismatch' },
    },
    {
      name: 'rejects a timestamp moved forward to dodge the tolerance',
      header: header.replace(`t=${T}`, `t=${T + 1000}`),
      now: T + 1000,
      want: { ok: false, reason: 'mismatch' },
    },
    { name: 'rejects a missing header', header: null, want: { ok: false, reason: 'missing' } },
    { name: 'rejects a header without v1', header: `t=${T}`, want: { ok: false, reason: 'malformed' } },
    {
      name: 'rejects a header with a bad timestamp',
      header: `t=abc,v1=${'0'.repeat(64)}`,
      want: { ok: false, reason: 'malformed' },
    },
    {
      name: 'accepts any matching v1 when several are sent (secret rotation)',
      header: `t=${T},v1=${signatureHex(BODY, T, 'old_secret_value_x')},v1=${signatureHex(BODY, T, SECRET)}`,
      want: { ok: true, timestamp: T },
    },
  ]
  for (const s of scenarios) {
    it(`${s.name} when verifying`, () => {
      const got = verifyWebhookSignature(
        s.body ?? BODY,
        s.header === undefined ? header : s.header,
        s.secret ?? SECRET,
        at(s.now ?? T + 5),
        300,
      )
      assert.deepEqual(got, s.want)
    })
  }

  it('accepts epoch milliseconds as now', () => {
    assert.deepEqual(verifyWebhookSignature(BODY, header, SECRET, T * 1000, 300), { ok: true, timestamp: T })
  })
})
