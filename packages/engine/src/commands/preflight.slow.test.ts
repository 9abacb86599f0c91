import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { RinaConfig } from '../config/schema.ts'
import { agentActor, humanActor } from '../domain/actor.ts'
import { isEvent } from '../domain/events.ts'
import { isRinaError } from '../errors.ts'
import { minimalConfig, testContext } from '../testing/context.ts'
import type { GitRepo } from '../testing/git-repo.ts'
import { gitRepo } from '../testing/git-repo.ts'
import {
  deployPreflight,
  JOURNALED_FINDINGS,
  recordPreflight,
  resolveRange,
  runPreflight,
} from './preflight.ts'

// Built at runtime so that secret scanners do not flag this file.
const AWS_KEY = ['AKIA', 'Q3R7T2XW', 'ZLM4PBNJ'].join('')
const ana = humanActor('ana@example.com')

/** A context whose rina.yml lives in ops/ of the repository, with release r1 (at `commit`) live on staging. */
async function context(repo: GitRepo, opts: { commit?: string | null; config?: RinaConfig } = {}) {
  const ctx = { ...testContext(opts.config ? { config: opts.config } : {}), configDir: join(repo.dir, 'ops') }
  if (opts.commit !== undefined) {
    await ctx.journal.append([
      {
        type: 'release.registered',
        actor: ana,
        reason: null,
        payload: { release: 'r1', commit: opts.commit, branch: 'main', subject: 'first' },
      },
      {
        type: 'deploy.succeeded',
        actor: ana,
        reason: null,
        payload: { runId: 'run_1', env: 'staging', release: 'r1', kind: 'deploy', durationMs: 10 },
      },
    ])
  }
  return ctx
}

const rejectsWith = async (p: Promise<unknown>, code: string) =>
  assert.rejects(p, (e: unknown) => isRinaError(e) && e.code === code)

describe('resolveRange', () => {
  const repo = gitRepo()
  const c: Record<string, string> = {}
  before(() => {
    c.first = repo.commit('first', {
      'ops/rina.yml': 'project: demo\n',
      'src/app.ts': 'export const a = 1\n',
    })
    c.second = repo.commit('second', { 'src/app.ts': 'export const a = 2\n' })
    repo.git('checkout', '-q', '-b', 'feature')
    c.third = repo.commit('add keys', { 'src/keys.ts': `export const accessKeyId = '${AWS_KEY}'\n` })
    repo.git('checkout', '-q', 'main')
    c.mainOnly = repo.commit('main moves on', { 'README.md': 'hello\n' })
    repo.git('checkout', '-q', 'feature')
  })
  after(() => repo.cleanup())

  it('starts from the release on staging when one is recorded', async () => {
    const range = await resolveRange(await context(repo, { commit: c.first! }))
    assert.deepEqual(
      [range.mode, range.base, range.head, range.baseFrom, range.release],
      ['range', c.first, c.third, 'release', 'r1'],
    )
    assert.equal(range.root, repo.dir)
    assert.match(range.description, /^release r1 on staging \(\w{7}\) → HEAD \(\w{7}\)$/)
  })

  it('starts from the merge base with the default branch when staging has no release', async () => {
    const range = await resolveRange(await context(repo))
    assert.deepEqual([range.base, range.baseFrom, range.notes], [c.second, 'merge-base', []])
    assert.match(range.description, /^merge base with main/)
  })

  it('falls back to the merge base with a note when the release commit is not in the repository', async () => {
    const range = await resolveRange(await context(repo, { commit: 'f'.repeat(40) }))
    assert.deepEqual([range.base, range.baseFrom], [c.second, 'merge-base'])
    assert.match(range.notes[0]!, /release r1 on staging \(fffffff\) is not in this repository/)
  })

  it('uses --base and --head when given, resolved to commits', async () => {
    const ctx = await context(repo, { commit: c.first! })
    const range = await resolveRange(ctx, { base: 'main~1', head: 'main' })
    assert.deepEqual([range.base, range.head, range.baseFrom], [c.second, c.mainOnly, 'option'])
    assert.match(range.description, /^main~1 \(\w{7}\) → main \(\w{7}\)$/)
  })

  it('notes an empty range when base and head are the same commit', async () => {
    const range = await resolveRange(await context(repo), { base: 'HEAD' })
    assert.match(range.notes.join(), /same commit/)
  })

  it('measures from HEAD when reading staged or working-tree changes', async () => {
    const ctx = await context(repo, { commit: c.first! })
    const staged = await resolveRange(ctx, { staged: true })
    assert.deepEqual(
      [staged.mode, staged.base, staged.head, staged.baseFrom],
      ['staged', c.third, 'staged', 'head'],
    )
    const tree = await resolveRange(ctx, { workingTree: true })
    assert.deepEqual([tree.mode, tree.head], ['working-tree', 'working-tree'])
  })

  it('rejects contradicting options with USAGE', async () => {
    const ctx = await context(repo)
    await rejectsWith(resolveRange(ctx, { staged: true, base: 'main' }), 'USAGE')
    await rejectsWith(resolveRange(ctx, { workingTree: true, head: 'main' }), 'USAGE')
    await rejectsWith(resolveRange(ctx, { staged: true, workingTree: true }), 'USAGE')
    await rejectsWith(resolveRange(ctx, { base: '--output=/tmp/x' }), 'USAGE')
  })

  it('returns NOT_FOUND when a ref does not exist', async () => {
    await rejectsWith(resolveRange(await context(repo), { base: 'no-such-ref' }), 'NOT_FOUND')
    await rejectsWith(resolveRange(await context(repo), { head: 'no-such-ref' }), 'NOT_FOUND')
  })

  it('returns VCS_FAILED when rina.yml is not inside a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rina-nogit-'))
    try {
      await rejectsWith(resolveRange({ ...testContext(), configDir: dir }), 'VCS_FAILED')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('runPreflight', () => {
  const repo = gitRepo()
  let first = ''
  before(() => {
    first = repo.commit('first', {
      'ops/rina.yml': 'project: demo\n',
      'src/app.ts': 'export const a = 1\n',
      'app/package.json': '{\n  "name": "desk",\n  "version": "1.2.0"\n}\n',
    })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit('add keys', { 'src/keys.ts': `export const accessKeyId = '${AWS_KEY}'\n` })
  })
  after(() => repo.cleanup())

  it('decides no-go when the change commits an AWS key', async () => {
    const { report, range } = await runPreflight(await context(repo, { commit: first }))
    assert.equal(range.baseFrom, 'release')
    assert.equal(report.decision, 'no-go')
    const key = report.findings.find((f) => f.ruleId === 'secrets/provider-token')
    assert.deepEqual([key?.file, key?.line, key?.severity], ['src/keys.ts', 1, 'critical'])
    assert.ok(!JSON.stringify(report).includes(AWS_KEY), 'the report never shows the key')
    assert.deepEqual([report.base, report.head], [first, range.head])
  })

  it('applies the preflight config when a path is allowlisted', async () => {
    const config = minimalConfig({ preflight: { allow: { paths: ['src/keys.ts'] } } })
    const { report } = await runPreflight(await context(repo, { commit: first, config }))
    assert.equal(report.decision, 'go')
    assert.ok(
      report.suppressed.some((s) => s.ruleId === 'secrets/provider-token' && s.reason === 'allowlisted path'),
    )
  })

  it('reads staged changes and the working tree, without the state database', async () => {
    const ctx = await context(repo, { commit: first })
    repo.write({ 'src/new.ts': 'export const n = 1\n', 'ops/.rina/state.db': 'SQLite format 3\0' })
    repo.git('add', 'src/new.ts')
    repo.write({ 'src/later.ts': 'export const l = 1\n' })
    try {
      const staged = await runPreflight(ctx, { staged: true })
      assert.deepEqual([staged.report.stats.files, staged.report.decision], [1, 'go'])
      const tree = await runPreflight(ctx, { workingTree: true })
      assert.equal(tree.report.stats.files, 2)
    } finally {
      repo.git('reset', '-q')
      repo.git('clean', '-qfd')
    }
  })

  it('applies the Electron rules when a configured service is an Electron app', async () => {
    repo.commit('downgrade', { 'app/package.json': '{\n  "name": "desk",\n  "version": "1.1.0"\n}\n' })
    const svc = { kind: 'electron', deploy: { type: 'command', deploy: 'true' } }
    const electron = minimalConfig({
      environments: { staging: { services: { desk: svc } }, production: { services: { desk: svc } } },
    })
    const bump = (r: { report: { findings: { ruleId: string }[] } }) =>
      r.report.findings.some((f) => f.ruleId === 'electron/version-bump')
    assert.equal(bump(await runPreflight(await context(repo, { commit: first }))), false)
    assert.equal(bump(await runPreflight(await context(repo, { commit: first, config: electron }))), true)
  })
})

describe('recordPreflight', () => {
  const repo = gitRepo()
  let first = ''
  before(() => {
    first = repo.commit('first', { 'ops/rina.yml': 'project: demo\n' })
    const evals = Array.from({ length: 60 }, (_, i) => `export const f${i} = (s: string) => eval(s)`)
    repo.commit('keys and evals', {
      'src/keys.ts': `export const accessKeyId = '${AWS_KEY}'\n`,
      'src/evals.ts': `${evals.join('\n')}\n`,
    })
  })
  after(() => repo.cleanup())

  it('journals one event with the top findings and never the key when a human accepts the risk', async () => {
    const ctx = await context(repo, { commit: first })
    const { report } = await runPreflight(ctx)
    assert.ok(report.findings.length > JOURNALED_FINDINGS)
    const before = (await ctx.journal.all()).length
    const e = await recordPreflight(ctx, {
      release: 'r1',
      env: 'staging',
      report,
      acceptRisk: ' key revoked (OPS-12) ',
    })
    const events = await ctx.journal.all()
    assert.equal(events.length, before + 1)
    assert.deepEqual(
      [e.type, e.reason, e.payload.decision, e.payload.acceptedRisk],
      ['preflight.completed', 'key revoked (OPS-12)', 'no-go', true],
    )
    assert.equal(e.payload.findings.length, JOURNALED_FINDINGS)
    assert.deepEqual(e.payload.findings[0], {
      ruleId: 'secrets/provider-token',
      severity: 'critical',
      file: 'src/keys.ts',
      line: 1,
      message: report.findings[0]!.message,
    })
    assert.ok(!JSON.stringify(events).includes(AWS_KEY), 'the journal never holds the key')
    const state = await ctx.journal.state()
    assert.deepEqual(state.releases.r1?.preflight, {
      env: 'staging',
      decision: 'no-go',
      score: report.score,
      summary: report.summary,
      acceptedRisk: true,
      seq: e.seq,
    })
  })

  it('records no accepted risk when an agent gives a reason', async () => {
    const ctx = { ...(await context(repo, { commit: first })), actor: agentActor('deployment') }
    const { report } = await runPreflight(ctx)
    const e = await recordPreflight(ctx, { release: 'r1', env: 'staging', report, acceptRisk: 'fine' })
    assert.deepEqual([e.payload.acceptedRisk, e.actor], [false, agentActor('deployment')])
  })
})

describe('deployPreflight', () => {
  const repo = gitRepo()
  let first = ''
  before(() => {
    first = repo.commit('first', { 'ops/rina.yml': 'project: demo\n', 'src/app.ts': 'export const a = 1\n' })
    repo.commit('add keys', { 'src/keys.ts': `export const accessKeyId = '${AWS_KEY}'\n` })
  })
  after(() => repo.cleanup())

  const preflights = async (ctx: Awaited<ReturnType<typeof context>>) =>
    (await ctx.journal.all()).filter((e) => isEvent(e, 'preflight.completed'))

  it('journals the no-go once and denies the deploy when nobody accepts the risk', async () => {
    const ctx = await context(repo, { commit: first })
    await assert.rejects(deployPreflight(ctx, { release: 'r2', env: 'staging' }), (e: unknown) => {
      assert.ok(isRinaError(e, 'GATE_DENIED'))
      assert.match(e.message, /Deploy of r2 to staging denied: preflight is no-go .*secrets\/provider-token/)
      assert.match(e.hint ?? '', /--accept-risk/)
      return true
    })
    const events = await preflights(ctx)
    assert.deepEqual(
      events.map((e) => [e.payload.decision, e.reason]),
      [['no-go', null]],
    )
  })

  it('lets the deploy go on when a human accepts the risk with a reason', async () => {
    const ctx = await context(repo, { commit: first })
    const e = await deployPreflight(ctx, { release: 'r2', env: 'staging', acceptRisk: 'test key, revoked' })
    assert.deepEqual(
      [e.payload.decision, e.payload.acceptedRisk, e.reason],
      ['no-go', true, 'test key, revoked'],
    )
    assert.equal((await preflights(ctx)).length, 1)
  })

  it('denies an agent even when it gives a reason', async () => {
    const ctx = { ...(await context(repo, { commit: first })), actor: agentActor('deployment') }
    await rejectsWith(
      deployPreflight(ctx, { release: 'r2', env: 'staging', acceptRisk: 'fine' }),
      'GATE_DENIED',
    )
  })

  it('journals a skipped preflight when rina.yml is not in a git repository', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rina-nogit-'))
    try {
      const ctx = { ...testContext(), configDir: dir }
      const e = await deployPreflight(ctx, { release: 'r2', env: 'staging' })
      assert.deepEqual([e.payload.decision, e.payload.score], ['skipped', null])
      assert.match(e.payload.summary, /^preflight skipped: .* is not inside a git repository$/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
