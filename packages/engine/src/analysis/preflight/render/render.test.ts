import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { changeSet } from '../../../testing/preflight.ts'
import { analyzePreflight, defaultRegistry } from '../analyze.ts'
import { renderMarkdown } from './markdown.ts'
import { renderSarif, SARIF_SCHEMA } from './sarif.ts'
import { renderText } from './text.ts'

const report = analyzePreflight(
  changeSet({
    'src/calc.ts': ['return eval(expr)', '// TODO | pipes'],
    'db/migrations/2.up.sql': ['DROP TABLE a;'],
  }),
)

describe('renderSarif', () => {
  const sarif = renderSarif(report, defaultRegistry.all())
  it('declares SARIF 2.1.0 when rendering a report', () => {
    assert.equal(sarif.$schema, SARIF_SCHEMA)
    assert.equal(sarif.version, '2.1.0')
    assert.equal(sarif.runs.length, 1)
  })
  it('lists every registered rule in the driver when rendering', () => {
    assert.deepEqual(
      sarif.runs[0]!.tool.driver.rules.map((r) => r.id),
      defaultRegistry.all().map((r) => r.id),
    )
  })
  it('gives each result a rule, level and physical location when findings exist', () => {
    const drop = sarif.runs[0]!.results.find((r) => r.ruleId === 'migrations/drop-table')!
    assert.equal(drop.level, 'error')
    assert.deepEqual(drop.locations[0]!.physicalLocation, {
      artifactLocation: { uri: 'db/migrations/2.up.sql', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, endLine: 1 },
    })
    assert.equal(sarif.runs[0]!.tool.driver.rules[drop.ruleIndex!]!.id, drop.ruleId)
  })
})

describe('renderMarkdown', () => {
  it('escapes table pipes when a finding contains them', () => {
    const md = renderMarkdown(report)
    assert.match(md, /^## 🔴 Preflight: no-go/)
    assert.ok(md.includes('TODO \\| pipes'))
  })
})

describe('renderText', () => {
  it('starts with the summary and lists every finding when rendering', () => {
    const text = renderText(report)
    assert.ok(text.startsWith(report.summary))
    for (const f of report.findings) assert.ok(text.includes(`${f.ruleId}  ${f.file}:${f.line}`))
  })
})
