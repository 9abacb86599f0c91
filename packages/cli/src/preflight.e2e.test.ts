import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Workspace } from './testing/workspace.ts'
import { workspace } from './testing/workspace.ts'

// Built at runtime so that secret scanners do not flag this file.
const AWS_KEY = ['AKIA', 'Q3R7T2XW', 'ZLM4PBNJ'].join('')

const config = `project: shop
environments:
  staging:
    services:
      api: { deploy: { type: command, deploy: "true" } }
  production:
    services:
      api: { deploy: { type: command, deploy: "true" } }
preflight:
  thresholds: { caution: 5, noGo: 70 }
`

interface Sarif {
  $schema: string
  version: string
  runs: {
    tool: { driver: { name: string; rules: { id: string }[] } }
    results: {
      ruleId: string
      level: string
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[]
    }[]
  }[]
}

describe('rina preflight (end to end)', () => {
  let ws: Workspace
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: ws.dir, encoding: 'utf8' }).trim()
  const commit = (message: string, files: Record<string, string>) => {
    ws.write(files)
    git('add', '-A')
    git('commit', '-q', '-m', message)
  }

  before(() => {
    ws = workspace({ 'rina.yml': config, '.gitignore': '.rina/\n', 'src/app.ts': 'export const a = 1\n' })
    git('add', '-A')
    git('commit', '-q', '-m', 'first')
    git('checkout', '-q', '-b', 'feature')
    commit('parse input', { 'src/calc.ts': 'export const calc = (s: string) => eval(s)\n' })
    commit('add aws client', { 'src/keys.ts': `export const accessKeyId = '${AWS_KEY}'\n` })
  })
  after(() => ws.dispose())

  it('prints the report as JSON and exits 1 when the change is no-go', async () => {
    const r = await ws.rina(['preflight', '--json'])
    assert.equal(r.code, 1, r.stderr)
    const out = JSON.parse(r.stdout) as Record<string, unknown> & {
      findings: { ruleId: string; file: string; line: number; severity: string }[]
      range: { baseFrom: string; mode: string }
    }
    assert.equal(out.decision, 'no-go')
    assert.equal(typeof out.score, 'number')
    assert.ok(Array.isArray(out.factors) && out.factors.length > 0)
    assert.equal(typeof out.summary, 'string')
    assert.deepEqual(Object.keys(out).sort(), [
      'base',
      'decision',
      'factors',
      'findings',
      'head',
      'range',
      'score',
      'stats',
      'summary',
      'suppressed',
    ])
    const key = out.findings.find((f) => f.ruleId === 'secrets/provider-token')
    assert.deepEqual([key?.file, key?.line, key?.severity], ['src/keys.ts', 1, 'critical'])
    assert.deepEqual([out.range.mode, out.range.baseFrom], ['range', 'merge-base'])
    assert.ok(!r.stdout.includes(AWS_KEY), 'the key is never printed')
  })

  it('prints valid SARIF 2.1.0 when asked for --sarif', async () => {
    const r = await ws.rina(['preflight', '--sarif'])
    assert.equal(r.code, 1, r.stderr)
    const sarif = JSON.parse(r.stdout) as Sarif
    assert.equal(sarif.version, '2.1.0')
    assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json')
    const run = sarif.runs[0]!
    assert.equal(run.tool.driver.name, 'rina-preflight')
    const key = run.results.find((x) => x.ruleId === 'secrets/provider-token')!
    assert.equal(key.level, 'error')
    assert.deepEqual(
      [
        key.locations[0]!.physicalLocation.artifactLocation.uri,
        key.locations[0]!.physicalLocation.region.startLine,
      ],
      ['src/keys.ts', 1],
    )
    for (const x of run.results) assert.ok(run.tool.driver.rules.some((rule) => rule.id === x.ruleId))
  })

  it('writes SARIF to a file and prints Markdown when both are asked for', async () => {
    const r = await ws.rina(['preflight', '--sarif', 'out/preflight.sarif', '--markdown'])
    assert.equal(r.code, 1, r.stderr)
    assert.match(r.stderr, /wrote SARIF to out\/preflight\.sarif/)
    assert.match(r.stdout, /^## 🔴 Preflight: no-go \(risk \d+\/100\)/)
    assert.match(r.stdout, /\| critical \| `secrets\/provider-token` \| `src\/keys\.ts:1` \|/)
    const sarif = JSON.parse(readFileSync(join(ws.dir, 'out/preflight.sarif'), 'utf8')) as Sarif
    assert.equal(sarif.version, '2.1.0')
  })

  it('prints the text report and exits 0 when the change is caution', async () => {
    const r = await ws.rina(['preflight', '--head', 'HEAD~1'])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stdout, /^Preflight of merge base with main \(\w{7}\) → HEAD~1 \(\w{7}\)$/m)
    assert.match(r.stdout, /^CAUTION \(risk \d+\/100\)/m)
    assert.match(r.stdout, /unsafe-code\/eval {2}src\/calc\.ts:1/)
  })

  it('exits 0 with no findings when base and head are the same', async () => {
    const r = await ws.rina(['preflight', '--base', 'HEAD', '--json'])
    assert.equal(r.code, 0, r.stderr)
    const out = JSON.parse(r.stdout) as { decision: string; findings: unknown[]; range: { notes: string[] } }
    assert.deepEqual([out.decision, out.findings], ['go', []])
    assert.match(out.range.notes.join(), /same commit/)
  })

  it('honours an inline allow with a reason when reading the working tree', async () => {
    ws.write({
      'src/fixture.ts': `// rina-allow: secrets/provider-token documented test key\nexport const k = '${AWS_KEY}'\n`,
    })
    try {
      const r = await ws.rina(['preflight', '--working-tree', '--json'])
      assert.equal(r.code, 0, r.stderr)
      const out = JSON.parse(r.stdout) as {
        findings: { file: string; ruleId: string }[]
        suppressed: { file: string; reason: string }[]
      }
      assert.ok(!out.findings.some((f) => f.file === 'src/fixture.ts' && f.ruleId.startsWith('secrets/')))
      assert.deepEqual(
        out.suppressed.filter((s) => s.file === 'src/fixture.ts').map((s) => s.reason),
        ['documented test key'],
      )
    } finally {
      git('clean', '-qf', 'src')
    }
  })

  it('exits 2 when options contradict each other', async () => {
    for (const args of [
      ['--staged', '--base', 'main'],
      ['--staged', '--working-tree'],
      ['--json', '--markdown'],
      ['--markdown', '--sarif'],
    ]) {
      const r = await ws.rina(['preflight', ...args])
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`)
      assert.match(r.stderr, /cannot be used with|both print to stdout/)
    }
  })

  it('exits 1 naming the ref when a ref does not exist', async () => {
    const r = await ws.rina(['preflight', '--base', 'no-such-ref'])
    assert.equal(r.code, 1)
    assert.match(r.stderr, /unknown git ref "no-such-ref"/)
  })
})
