/**
 * @module The switch is atomic: a separate process reading through `current` while the provider switches it back
 * and forth hundreds of times never finds it missing or broken.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { providerContext } from '../../testing/provider.conformance.ts'
import { releaseDirProvider } from './index.ts'
import { releaseDirProviderSchema } from './schema.ts'

const READER = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'current-reader.ts')
const SWITCHES = 300
/** Progress lines (1,000 reads each) the reader must report while the switching goes on. */
const MIN_PROGRESS = 5

const dir = mkdtempSync(join(tmpdir(), 'rina-switch-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describe('release-dir switch', () => {
  it('never shows a reader a missing or broken current when switching hundreds of times', async () => {
    for (const r of ['a', 'b']) {
      mkdirSync(join(dir, 'builds', r), { recursive: true })
      writeFileSync(join(dir, 'builds', r, 'version'), r)
    }
    const config = releaseDirProviderSchema.parse({
      type: 'release-dir',
      root: 'srv',
      source: 'builds/{release}',
    })
    const provider = releaseDirProvider(config, { configDir: dir })
    const ctx = providerContext()
    const plans = ['a', 'b'].map((r) =>
      provider.plan({ kind: 'deploy', env: 'prod', service: 'web', release: r, previous: null }),
    )
    for (const plan of plans)
      for (const step of plan.steps.slice(0, 2)) assert.ok((await provider.runStep(step, ctx)).ok)
    const switches = plans.map((p) => p.steps.find((s) => s.action === 'switch')!)

    const reader = spawn(process.execPath, ['--import', 'tsx', READER, join(dir, 'srv')], {
      stdio: ['pipe', 'pipe', 'inherit'],
    })
    let out = ''
    let progress = 0
    let onReady = () => {}
    reader.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      progress += (c.toString().match(/^progress$/gm) ?? []).length
      if (out.startsWith('ready\n')) onReady()
    })
    await new Promise<void>((resolve) => (onReady = resolve))
    const exited = new Promise<void>((resolve) => reader.on('close', () => resolve()))

    // Keep switching until both the switch count and the reader's progress are reached, so the two overlap.
    const before = progress
    let n = 0
    while (n < SWITCHES || progress - before < MIN_PROGRESS) {
      const outcome = await provider.runStep(switches[n % 2]!, ctx)
      assert.ok(outcome.ok, outcome.ok ? '' : outcome.reason)
      n++
    }
    reader.stdin.end()
    await exited
    const result = JSON.parse(out.split('\n').filter(Boolean).at(-1)!) as {
      reads: number
      failures: number
      seen: string[]
      firstFailure: string | null
    }
    assert.equal(result.failures, 0, `a reader saw current broken: ${result.firstFailure}`)
    assert.deepEqual(result.seen, ['a', 'b'], 'the reader saw both releases')
  })
})
