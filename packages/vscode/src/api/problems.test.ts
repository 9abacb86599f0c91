/** @module How server problems read: a gate denial with its reasons, levels from one table, no stack traces. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { describeProblem, problemText } from './problems.ts'
import type { ApiProblem } from './types.ts'

const problem = (p: Partial<ApiProblem>): ApiProblem => ({
  status: 403,
  code: 'GATE_DENIED',
  message: 'Deploy of 1.0.0 to production denied',
  hint: null,
  details: null,
  ...p,
})

describe('describeProblem', () => {
  const scenarios: { name: string; p: ApiProblem; level: string; reasons: string[] }[] = [
    {
      name: 'a gate denial',
      p: problem({
        details: [
          { gate: 'approval', code: 'APPROVAL_REQUIRED', message: 'needs 1 approval' },
          { gate: 'freeze', code: 'ENV_FROZEN', message: 'production is frozen' },
        ],
      }),
      level: 'warning',
      reasons: ['needs 1 approval', 'production is frozen'],
    },
    {
      name: 'a usage error',
      p: problem({
        status: 400,
        code: 'USAGE',
        details: [{ in: 'body', path: ['env'], message: 'required' }],
      }),
      level: 'warning',
      reasons: ['env: required'],
    },
    { name: 'an internal error', p: problem({ status: 500, code: 'INTERNAL' }), level: 'error', reasons: [] },
    { name: 'no server', p: problem({ status: 0, code: 'NETWORK' }), level: 'error', reasons: [] },
    { name: 'an unknown code', p: problem({ code: 'SOMETHING_NEW' }), level: 'error', reasons: [] },
  ]
  for (const s of scenarios) {
    it(`reads as ${s.level} with its reasons when the server answers ${s.name}`, () => {
      const d = describeProblem(s.p)
      assert.equal(d.level, s.level)
      assert.deepEqual(d.reasons, s.reasons)
    })
  }

  it('lists every reason and the hint in one line when a denial has several', () => {
    const text = problemText(
      problem({
        hint: 'approve it first',
        details: [{ message: 'needs 1 approval' }, { message: 'frozen' }],
      }),
    )
    assert.equal(
      text,
      'Deploy of 1.0.0 to production denied Reasons: • needs 1 approval • frozen — approve it first',
    )
  })

  it('tells how to set a token when the server answers UNAUTHENTICATED', () => {
    assert.match(
      problemText(problem({ status: 401, code: 'UNAUTHENTICATED', message: 'no token' })),
      /Set API Token/,
    )
  })
})
