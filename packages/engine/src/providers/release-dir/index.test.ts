/** @module The release-dir provider over real directories: plan data, placing, switching, pruning, rollback, start. */
import assert from 'node:assert/strict'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { mkdtemp, readlink, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { FakeClock } from '../../testing/fakes.ts'
import {
  providerContext,
  runPlan,
  runProviderConformance,
  type ProviderMode,
} from '../../testing/provider.conformance.ts'
import type { ProviderRequest, StepOutcome } from '../types.ts'
import { releaseDirProvider } from './index.ts'
import { pruneReleases } from './prune.ts'
import { releaseDirProviderSchema } from './schema.ts'

const SECRET = 'tok_live_5a4b3c2d1e0f'
const starts: Record<ProviderMode, string> = {
  working: 'echo "deploying $RINA_RELEASE"',
  failing: 'echo boom >&2; exit 3',
  hanging: 'echo waiting; sleep 30',
}

function build(dir: string, release: string, files: Record<string, string> = {}): void {
  const at = join(dir, 'builds', release)
  mkdirSync(at, { recursive: true })
  writeFileSync(join(at, 'version'), release)
  for (const [name, body] of Object.entries(files)) writeFileSync(join(at, name), body)
}

runProviderConformance({
  name: 'release-dir',
  create: async (mode) => {
    const dir = await mkdtemp(join(tmpdir(), 'rina-rd-'))
    for (const r of ['1.0.0', '1.1.0']) build(dir, r)
    const config = releaseDirProviderSchema.parse({
      type: 'release-dir',
      root: 'srv',
      source: 'builds/{release}',
      start: starts[mode],
      env: { API_TOKEN: SECRET },
    })
    return {
      provider: releaseDirProvider(config, { configDir: dir, killGraceMs: 1_000 }),
      releases: ['1.0.0', '1.1.0'] as const,
      secrets: [SECRET],
      deployed: async () =>
        (await readlink(join(dir, 'srv', 'current')).catch(() => '')).split('/')[1] ?? null,
      close: () => rm(dir, { recursive: true, force: true }),
    }
  },
})

const dirs: string[] = []
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

function setup(over: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'rina-rd-unit-'))
  dirs.push(dir)
  const config = releaseDirProviderSchema.parse({
    type: 'release-dir',
    root: 'srv',
    source: 'builds/{release}',
    ...over,
  })
  const provider = releaseDirProvider(config, { configDir: dir })
  const clock = new FakeClock()
  const root = join(dir, 'srv')
  const run = async (kind: 'deploy' | 'rollback', release: string, previous: string | null) => {
    clock.advance(60_000)
    const ctx = { ...providerContext(), now: () => clock.now() }
    const outcomes = await runPlan(
      provider,
      provider.plan({ kind, env: 'prod', service: 'web', release, previous }),
      ctx,
    )
    return {
      outcomes,
      failed: outcomes.find((o) => !o.ok) as Extract<StepOutcome, { ok: false }> | undefined,
      ctx,
    }
  }
  const releases = () => readdirSync(join(root, 'releases')).sort()
  const current = () => readlinkSync(join(root, 'current'))
  return { dir, root, provider, run, releases, current }
}

describe('releaseDirProvider.plan', () => {
  const { dir, provider } = setup({
    start: 'systemctl reload web',
    keep: 3,
    timeout: '30s',
    env: { PORT: '8080' },
  })
  const req: ProviderRequest = {
    kind: 'deploy',
    env: 'prod',
    service: 'web',
    release: '2.0.0',
    previous: '1.9.0',
  }
  const root = join(dir, 'srv')
  const env = {
    PORT: '8080',
    RINA_ENV: 'prod',
    RINA_SERVICE: 'web',
    RINA_RELEASE: '2.0.0',
    RINA_PREVIOUS_RELEASE: '1.9.0',
    RINA_ACTION: 'deploy',
  }

  it('plans place, switch, start and prune when deploying', () => {
    assert.deepEqual(provider.plan(req).steps, [
      {
        id: 'web:place',
        service: 'web',
        action: 'place',
        description: `copy ${dir}/builds/2.0.0 to ${root}/releases/2.0.0 (skipped when already complete)`,
        data: { root, release: '2.0.0', source: `${dir}/builds/2.0.0` },
      },
      {
        id: 'web:switch',
        service: 'web',
        action: 'switch',
        description: `switch ${root}/current to releases/2.0.0 (was 1.9.0)`,
        data: { root, release: '2.0.0' },
      },
      {
        id: 'web:start',
        service: 'web',
        action: 'start',
        description: `run the start command in ${root}/current for web 2.0.0`,
        command: 'systemctl reload web',
        env,
        cwd: `${root}/current`,
        timeoutMs: 30_000,
        data: { root, release: '2.0.0' },
      },
      {
        id: 'web:prune',
        service: 'web',
        action: 'prune',
        description: `remove old releases in ${root}/releases, keeping the newest 3 and 2.0.0, 1.9.0`,
        data: { root, release: '2.0.0', keep: 3, protect: ['2.0.0', '1.9.0'] },
      },
    ])
  })

  it('plans switch back then start when rolling back', () => {
    const plan = provider.plan({ ...req, kind: 'rollback', release: '1.9.0', previous: '2.0.0' })
    assert.deepEqual(
      plan.steps.map((s) => [s.id, s.description]),
      [
        [
          'web:switch',
          `switch ${root}/current back to releases/1.9.0 (was 2.0.0); fails if it is no longer there`,
        ],
        ['web:start', `run the start command in ${root}/current for web 1.9.0`],
      ],
    )
    assert.equal(plan.steps[1]!.env!['RINA_ACTION'], 'rollback')
  })
})

describe('releaseDirProvider.runStep', () => {
  it('keeps the newest releases when more than keep are deployed', async () => {
    const s = setup({ keep: 3 })
    let previous: string | null = null
    for (const r of ['1', '2', '3', '4', '5', '6']) {
      build(s.dir, r)
      assert.equal((await s.run('deploy', r, previous)).failed, undefined)
      previous = r
    }
    assert.deepEqual(s.releases(), ['4', '5', '6'])
    assert.equal(s.current(), 'releases/6')
  })

  it('keeps the previous release when it is older than the newest kept', async () => {
    const s = setup({ keep: 2 })
    for (const [r, prev] of [
      ['1', null],
      ['2', '1'],
      ['3', '2'],
    ] as const) {
      build(s.dir, r)
      await s.run('deploy', r, prev)
    }
    assert.equal((await s.run('rollback', '2', '3')).failed, undefined)
    build(s.dir, '4')
    await s.run('deploy', '4', '2')
    assert.deepEqual(s.releases(), ['2', '3', '4'])
  })

  it('never prunes the release current points at', async () => {
    const s = setup()
    for (const r of ['1', '2', '3']) build(s.dir, r)
    for (const r of ['1', '2', '3']) await s.run('deploy', r, null)
    await s.run('rollback', '1', '3')
    assert.deepEqual(await pruneReleases(s.root, 1, []), ['2'])
    assert.deepEqual(s.releases(), ['1', '3'])
  })

  it('switches back when rolling back to a release still on disk', async () => {
    const s = setup()
    for (const r of ['1', '2']) build(s.dir, r)
    await s.run('deploy', '1', null)
    await s.run('deploy', '2', '1')
    assert.equal((await s.run('rollback', '1', '2')).failed, undefined)
    assert.equal(s.current(), 'releases/1')
    assert.equal(await s.provider.current('prod', 'web', providerContext()), '1')
  })

  it('fails clearly and leaves current alone when rolling back to a release no longer there', async () => {
    const s = setup({ keep: 2 })
    for (const r of ['1', '2', '3']) build(s.dir, r)
    for (const [r, prev] of [
      ['1', null],
      ['2', '1'],
      ['3', '2'],
    ] as const)
      await s.run('deploy', r, prev)
    const { failed } = await s.run('rollback', '1', '3')
    assert.equal(
      failed?.reason,
      `release 1 is not in ${s.root}/releases (pruned, or never placed); releases there: 2, 3`,
    )
    assert.equal(s.current(), 'releases/3')
  })

  it('refuses to switch to a release whose copy did not finish', async () => {
    const s = setup()
    build(s.dir, '1')
    await s.run('deploy', '1', null)
    mkdirSync(join(s.root, 'releases', '2'))
    writeFileSync(join(s.root, 'releases', '2', 'half'), '')
    const { failed } = await s.run('rollback', '2', '1')
    assert.match(failed?.reason ?? '', /^release 2 in .* is incomplete \(no \.rina-release marker/)
    assert.equal(s.current(), 'releases/1')
  })

  it('places again over an incomplete copy and skips a complete one when deploying', async () => {
    const s = setup()
    build(s.dir, '1', { app: 'first build' })
    mkdirSync(join(s.root, 'releases', '.1.partial'), { recursive: true })
    mkdirSync(join(s.root, 'releases', '1'))
    await s.run('deploy', '1', null)
    assert.equal(readFileSync(join(s.root, 'current', 'app'), 'utf8'), 'first build')
    build(s.dir, '1', { app: 'rebuilt' })
    const { ctx } = await s.run('deploy', '1', '1')
    assert.equal(readFileSync(join(s.root, 'current', 'app'), 'utf8'), 'first build')
    assert.ok(ctx.lines.some((l) => l.line === 'releases/1 is already in place'))
    assert.deepEqual(readdirSync(join(s.root, 'releases')), ['1'])
  })

  it('fails naming the build directory when the source is missing', async () => {
    const s = setup()
    const { failed } = await s.run('deploy', '9', null)
    assert.equal(failed?.reason, `build directory ${s.dir}/builds/9 does not exist; build release 9 first`)
    assert.equal(existsSync(join(s.root, 'current')), false)
  })

  it('runs the start command in the new release with the RINA variables', async () => {
    const s = setup({
      start: 'echo "$(cat version) $RINA_RELEASE $RINA_PREVIOUS_RELEASE $PORT"; pwd -P',
      env: { PORT: '81' },
    })
    build(s.dir, '1')
    const { failed, ctx } = await s.run('deploy', '1', null)
    assert.equal(failed, undefined)
    assert.deepEqual(
      ctx.lines
        .filter((l) => l.stream === 'stdout')
        .slice(2, 4)
        .map((l) => l.line),
      ['1 1  81', join(s.root, 'releases', '1')],
    )
  })

  it('fails with the exit code and keeps the new release current when the start command fails', async () => {
    const s = setup({ start: 'echo "port 8080 in use" >&2; exit 4' })
    build(s.dir, '1')
    const { failed, outcomes } = await s.run('deploy', '1', null)
    assert.equal(outcomes.length, 3, 'prune does not run after a failed start')
    assert.equal(failed?.exitCode, 4)
    assert.match(failed?.reason ?? '', /^start command exited with 4 after \d+\.\ds: port 8080 in use$/)
    assert.equal(s.current(), 'releases/1')
  })

  it('refuses to replace a real directory named current', async () => {
    const s = setup()
    build(s.dir, '1')
    mkdirSync(join(s.root, 'current'), { recursive: true })
    const { failed } = await s.run('deploy', '1', null)
    assert.match(failed?.reason ?? '', /current is a real directory, not a symlink; move it aside once/)
  })

  it('refuses a release id that would leave the releases directory', async () => {
    const s = setup()
    const { failed } = await s.run('rollback', '../etc', null)
    assert.match(failed?.reason ?? '', /cannot be used as a directory name/)
  })

  it('reads no current release when there is no link or it points elsewhere', async () => {
    const s = setup()
    assert.equal(await s.provider.current('prod', 'web', providerContext()), null)
    mkdirSync(s.root, { recursive: true })
    symlinkSync('/opt/elsewhere', join(s.root, 'current'))
    assert.equal(await s.provider.current('prod', 'web', providerContext()), null)
  })
})
