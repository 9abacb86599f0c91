/** @module The preflight route: findings for a diff the client sends, with the server's preflight config. */
import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import type { Harness } from '../testing/harness.ts'
import { harness } from '../testing/harness.ts'

let h: Harness
afterEach(() => h.close())

const newFile = (path: string, lines: string[]) =>
  [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    '--- /dev/null',
    `+++ b/${path}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((l) => `+${l}`),
    '',
  ].join('\n')

interface Report {
  decision: string
  source: string
  findings: { ruleId: string; file: string; line: number; severity: string }[]
}

describe('preflight route', () => {
  it('reports a secret at its file and line when the client diff adds one', async () => {
    h = await harness()
    const key = ['AKIA', 'Z7QW3RTY5UIO2PLK'].join('')
    const diff = newFile('src/config.ts', ['export const region = "eu-west-1"', `const key = "${key}"`])
    const res = await h.call('POST', '/api/v1/preflight', { token: h.tokens.viewer, body: { diff } })
    const body = (await res.json()) as Report
    assert.equal(res.status, 200, JSON.stringify(body))
    assert.equal(body.source, 'client-diff')
    const secret = body.findings.find((f) => f.file === 'src/config.ts' && f.line === 2)
    assert.ok(secret, JSON.stringify(body.findings))
    assert.equal(body.decision, 'no-go')
  })

  it('answers go with no findings when the diff is empty', async () => {
    h = await harness()
    const res = await h.call('POST', '/api/v1/preflight', { token: h.tokens.viewer, body: { diff: '' } })
    const body = (await res.json()) as Report
    assert.equal(res.status, 200)
    assert.deepEqual([body.decision, body.findings], ['go', []])
  })

  it('journals nothing when it analyses a diff', async () => {
    h = await harness()
    const before = (await h.ctx.store.journal.head()).seq
    await h.call('POST', '/api/v1/preflight', {
      token: h.tokens.viewer,
      body: { diff: newFile('a.txt', ['x']) },
    })
    assert.equal((await h.ctx.store.journal.head()).seq, before)
  })
})
