import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { changeSet } from '../../testing/preflight.ts'
import { analyzePreflight } from './analyze.ts'
import { preflightConfigSchema } from './config.ts'
import { decide } from './decide.ts'
import { matchGlob } from './glob.ts'
import { score } from './score.ts'
import type { Finding } from './types.ts'

const cfg = (c: unknown) => preflightConfigSchema.parse(c)
const todo = { 'src/app.ts': ['// TODO: later'], 'src/app.test.ts': ['it()'] }
const evalLine = (extra: string[] = []) => ({
  'src/calc.ts': [...extra, 'return eval(expr)'],
  'src/calc.test.ts': ['it()'],
})

describe('analyzePreflight', () => {
  it('decides go with score 0 when nothing is found', () => {
    const r = analyzePreflight(changeSet({ 'src/a.ts': ['export const a = 1'], 'src/a.test.ts': ['it()'] }))
    assert.deepEqual([r.decision, r.score, r.findings.length], ['go', 0, 0])
    assert.match(r.summary, /^GO \(risk 0\/100\)/)
  })

  it('decides no-go when a critical finding is present', () => {
    const r = analyzePreflight(
      changeSet({ 'db/migrations/1.up.sql': ['DROP TABLE users;'], 'db/migrations/1.down.sql': ['x'] }),
    )
    assert.equal(r.decision, 'no-go')
    assert.equal(r.factors[0]!.name, 'migrations')
  })

  it('skips a rule when config disables it', () => {
    const r = analyzePreflight(changeSet(todo), {
      config: cfg({ rules: { 'unsafe-code/todo': { enabled: false } } }),
    })
    assert.equal(r.findings.length, 0)
  })

  it('uses the configured severity when config overrides it', () => {
    const r = analyzePreflight(changeSet(todo), {
      config: cfg({ rules: { 'unsafe-code/todo': { severity: 'high' } } }),
    })
    assert.equal(r.findings[0]!.severity, 'high')
    assert.equal(r.score, 25)
  })

  it('suppresses findings when their path is allowlisted', () => {
    const r = analyzePreflight(changeSet(evalLine()), { config: cfg({ allow: { paths: ['src/**'] } }) })
    assert.deepEqual([r.findings.length, r.suppressed[0]?.reason], [0, 'allowlisted path'])
  })

  it('suppresses a secret when its value is allowlisted', () => {
    const value = ['Zf3D0LXCM3', 'EIMbgJpUNnk', 'RtOfOueHznB'].join('')
    const files = { 'src/k.ts': [`const api_key = "${value}"`], 'src/k.test.ts': ['it()'] }
    assert.equal(analyzePreflight(changeSet(files)).findings.length, 1)
    const r = analyzePreflight(changeSet(files), { config: cfg({ allow: { values: [value] } }) })
    assert.deepEqual([r.findings.length, r.suppressed[0]?.reason], [0, 'allowlisted value'])
  })

  it('allows one line when an inline comment names the rule and a reason', () => {
    const r = analyzePreflight(
      changeSet(evalLine(['// rina-allow: unsafe-code/eval sandboxed expression language'])),
    )
    assert.equal(r.findings.length, 0)
    assert.deepEqual(r.suppressed, [
      { ruleId: 'unsafe-code/eval', file: 'src/calc.ts', line: 2, reason: 'sandboxed expression language' },
    ])
  })

  it('keeps the finding when the inline comment gives no reason', () => {
    const r = analyzePreflight(changeSet(evalLine(['// rina-allow: unsafe-code/eval'])))
    assert.equal(r.findings.length, 1)
  })

  it('keeps the finding when the inline comment names another rule', () => {
    const r = analyzePreflight(changeSet(evalLine(['// rina-allow: secrets/provider-token test key'])))
    assert.equal(r.findings.length, 1)
  })

  it('orders findings by severity then file and line', () => {
    const r = analyzePreflight(
      changeSet({ 'src/b.ts': ['// TODO x', 'eval(a)'], 'src/a.ts': ['eval(b)'], 'src/a.test.ts': ['it()'] }),
    )
    assert.deepEqual(
      r.findings.map((f) => `${f.severity} ${f.file}:${f.line}`),
      ['medium src/a.ts:1', 'medium src/b.ts:2', 'info src/b.ts:1'],
    )
  })
})

const finding = (ruleId: string, severity: Finding['severity']): Finding => ({
  ruleId,
  family: ruleId.split('/')[0] as Finding['family'],
  severity,
  file: 'a',
  line: 1,
  endLine: 1,
  message: '',
  evidence: null,
  why: '',
  fix: '',
})

describe('score', () => {
  const scenarios = [
    { name: 'there are no findings', findings: [], score: 0 },
    {
      name: 'one critical finding is present',
      findings: [finding('secrets/provider-token', 'critical')],
      score: 70,
    },
    {
      name: 'one rule repeats many times',
      findings: Array.from({ length: 20 }, () => finding('unsafe-code/eval', 'medium')),
      score: 20,
    },
    {
      name: 'two families add up',
      findings: [finding('tests/focused', 'high'), finding('config/container', 'low')],
      score: 28,
    },
    {
      name: 'everything is critical',
      findings: ['a', 'b', 'c'].map((x) => finding(`secrets/${x}`, 'critical')),
      score: 100,
    },
  ]
  for (const s of scenarios) {
    it(`gives ${s.score} when ${s.name}`, () => assert.equal(score(s.findings).score, s.score))
  }
})

describe('decide', () => {
  const t = { caution: 30, noGo: 70 }
  for (const [value, decision] of [
    [0, 'go'],
    [29, 'go'],
    [30, 'caution'],
    [69, 'caution'],
    [70, 'no-go'],
    [100, 'no-go'],
  ] as const) {
    it(`returns ${decision} when the score is ${value}`, () => assert.equal(decide(value, t), decision))
  }
})

describe('preflightConfigSchema', () => {
  it('fills defaults when the section is empty', () => {
    assert.deepEqual(cfg({}), {
      thresholds: { caution: 30, noGo: 70 },
      rules: {},
      allow: { paths: [], values: [] },
      historyMonths: 6,
    })
  })
  it('rejects thresholds when caution is not below noGo', () => {
    assert.equal(preflightConfigSchema.safeParse({ thresholds: { caution: 80, noGo: 70 } }).success, false)
  })
  it('rejects a rule key when it is not a rule id', () => {
    assert.equal(preflightConfigSchema.safeParse({ rules: { Secrets: { enabled: false } } }).success, false)
  })
})

describe('matchGlob', () => {
  const scenarios = [
    ['test/fixtures/**', 'test/fixtures/a/b.txt', true],
    ['**/*.snap', 'src/__snapshots__/a.snap', true],
    ['*.md', 'docs/guide.md', true],
    ['src/*.ts', 'src/a/b.ts', false],
    ['src/?.ts', 'src/a.ts', true],
  ] as const
  for (const [glob, path, expected] of scenarios) {
    it(`${expected ? 'matches' : 'does not match'} ${path} when the glob is ${glob}`, () =>
      assert.equal(matchGlob(glob, path), expected))
  }
})
