import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type Expectation, type FailedCondition, judgeConditions, type Seen } from './conditions.ts'

const seen = (over: Partial<Seen> = {}): Seen => ({
  status: 200,
  body: '{"status":"ok","checks":[{"name":"db","up":true}],"version":"1.2.0"}',
  latencyMs: 40,
  ...over,
})

const scenarios: { name: string; seen: Seen; expect: Expectation; failed: FailedCondition[] }[] = [
  { name: 'passes when the status is the expected one', seen: seen(), expect: { status: 200 }, failed: [] },
  {
    name: 'fails with both numbers when the status differs',
    seen: seen({ status: 503 }),
    expect: { status: 200 },
    failed: [{ condition: 'status', message: 'status 503, expected 200' }],
  },
  {
    name: 'passes when the status is one of a set',
    seen: seen({ status: 204 }),
    expect: { status: [200, 204] },
    failed: [],
  },
  {
    name: 'lists the set when the status is none of it',
    seen: seen({ status: 500 }),
    expect: { status: [200, 201, 204] },
    failed: [{ condition: 'status', message: 'status 500, expected 200, 201 or 204' }],
  },
  {
    name: 'passes when the body contains the text',
    seen: seen(),
    expect: { status: 200, bodyContains: '"ok"' },
    failed: [],
  },
  {
    name: 'fails when the body lacks the text',
    seen: seen({ body: 'maintenance' }),
    expect: { status: 200, bodyContains: 'healthy' },
    failed: [{ condition: 'bodyContains', message: 'body does not contain "healthy"' }],
  },
  {
    name: 'passes when the body matches a plain pattern',
    seen: seen(),
    expect: { status: 200, bodyMatches: '"version":"1\\.\\d+\\.\\d+"' },
    failed: [],
  },
  {
    name: 'honours flags when the pattern is written as a literal',
    seen: seen({ body: 'ALL GOOD' }),
    expect: { status: 200, bodyMatches: '/all good/i' },
    failed: [],
  },
  {
    name: 'fails when the body does not match',
    seen: seen({ body: 'down' }),
    expect: { status: 200, bodyMatches: '^up$' },
    failed: [{ condition: 'bodyMatches', message: 'body does not match /^up$/' }],
  },
  {
    name: 'says so when the pattern is not a regular expression',
    seen: seen(),
    expect: { status: 200, bodyMatches: '(' },
    failed: [
      {
        condition: 'bodyMatches',
        message:
          'bodyMatches "(" is not a regular expression: Invalid regular expression: /(/: Unterminated group',
      },
    ],
  },
  {
    name: 'passes when every JSON path equals its value',
    seen: seen(),
    expect: {
      status: 200,
      json: { '$.status': 'ok', '$.checks[0].up': true, '$.checks[-1]': { up: true, name: 'db' } },
    },
    failed: [],
  },
  {
    name: 'shows both values when a JSON path differs',
    seen: seen({ body: '{"status":"degraded"}' }),
    expect: { status: 200, json: { '$.status': 'ok' } },
    failed: [{ condition: 'json', message: '$.status is "degraded", expected "ok"' }],
  },
  {
    name: 'names the missing step when a JSON path is absent',
    seen: seen(),
    expect: { status: 200, json: { '$.checks[3].up': true } },
    failed: [{ condition: 'json', message: '$.checks[3].up is missing (no $.checks[3]), expected true' }],
  },
  {
    name: 'fails every JSON condition when the body is not JSON',
    seen: seen({ body: '<html>' }),
    expect: { status: 200, json: { '$.status': 'ok' } },
    failed: [{ condition: 'json', message: 'body is not JSON, expected $.status = "ok"' }],
  },
  {
    name: 'reports a path it cannot read when the JSON path is malformed',
    seen: seen(),
    expect: { status: 200, json: { status: 'ok' } },
    failed: [{ condition: 'json', message: 'JSON path status must start with $' }],
  },
  {
    name: 'passes when the answer is within the maximum latency',
    seen: seen({ latencyMs: 499 }),
    expect: { status: 200, maxLatency: '500ms' },
    failed: [],
  },
  {
    name: 'fails when the answer is slower than the maximum latency',
    seen: seen({ latencyMs: 812.4 }),
    expect: { status: 200, maxLatency: '500ms' },
    failed: [{ condition: 'maxLatency', message: 'took 812 ms, expected at most 500ms' }],
  },
  {
    name: 'returns every failed condition when several fail',
    seen: seen({ status: 503, body: '{"status":"down"}', latencyMs: 2000 }),
    expect: { status: 200, bodyContains: 'ok', json: { '$.status': 'ok' }, maxLatency: '1s' },
    failed: [
      { condition: 'status', message: 'status 503, expected 200' },
      { condition: 'bodyContains', message: 'body does not contain "ok"' },
      { condition: 'json', message: '$.status is "down", expected "ok"' },
      { condition: 'maxLatency', message: 'took 2000 ms, expected at most 1s' },
    ],
  },
  {
    name: 'shortens long values when showing them',
    seen: seen({ body: JSON.stringify({ note: 'x'.repeat(200) }) }),
    expect: { status: 200, json: { '$.note': 'short' } },
    failed: [{ condition: 'json', message: `$.note is "${'x'.repeat(78)}…, expected "short"` }],
  },
]

describe('judgeConditions', () => {
  for (const s of scenarios) {
    it(`${s.name}`, () => {
      assert.deepEqual(judgeConditions(s.seen, s.expect), s.failed)
    })
  }
})
