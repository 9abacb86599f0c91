/** @module HTTP answers and Retry-After values become send outcomes, as tables. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { classifyStatus } from './http-post.ts'
import { parseRetryAfter } from './retry-after.ts'

const NOW = new Date('2026-01-05T10:00:00.000Z')

describe('classifyStatus', () => {
  const scenarios: [status: number, retryAfter: string | null, want: unknown][] = [
    [200, null, { ok: true }],
    [202, null, { ok: true }],
    [
      429,
      '12',
      { ok: false, retryable: true, reason: 'rate-limited', detail: 'HTTP 429', retryAfterMs: 12_000 },
    ],
    [429, null, { ok: false, retryable: true, reason: 'rate-limited', detail: 'HTTP 429' }],
    [408, null, { ok: false, retryable: true, reason: 'network', detail: 'HTTP 408' }],
    [500, null, { ok: false, retryable: true, reason: 'server', detail: 'HTTP 500' }],
    [503, '3', { ok: false, retryable: true, reason: 'server', detail: 'HTTP 503', retryAfterMs: 3_000 }],
    [400, null, { ok: false, retryable: false, reason: 'client', detail: 'HTTP 400' }],
    [404, null, { ok: false, retryable: false, reason: 'client', detail: 'HTTP 404' }],
    [410, null, { ok: false, retryable: false, reason: 'client', detail: 'HTTP 410' }],
    [302, null, { ok: false, retryable: false, reason: 'config', detail: 'HTTP 302' }],
  ]
  for (const [status, retryAfter, want] of scenarios) {
    it(`maps ${status}${retryAfter ? ` with Retry-After ${retryAfter}` : ''} when classifying`, () =>
      assert.deepEqual(classifyStatus(status, retryAfter, NOW), want))
  }
})

describe('parseRetryAfter', () => {
  const scenarios: [value: string | null, want: number | null][] = [
    ['120', 120_000],
    ['0', 0],
    [' 5 ', 5_000],
    ['Mon, 05 Jan 2026 10:00:30 GMT', 30_000],
    ['Mon, 05 Jan 2026 09:00:00 GMT', 0],
    ['-5', null],
    ['1.5', null],
    ['soon', null],
    ['', null],
    [null, null],
  ]
  for (const [value, want] of scenarios) {
    it(`reads ${JSON.stringify(value)} as ${want} when parsing`, () =>
      assert.equal(parseRetryAfter(value, NOW), want))
  }
})
