/**
 * @module Release switch benchmark: median and p99 time of the release-dir switch step (completeness check,
 * symlink + rename, directory fsync) over 200 switches, beside a bare fs.symlink + rename pair (also with the
 * directory fsync) and the non-atomic unlink-then-symlink way in the same run; then the broken reads a concurrent reader process sees with each way.
 *   npm run bench -- switch
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { open, rename, symlink, unlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { releaseDirProvider } from '../../packages/engine/src/providers/release-dir/index.ts'
import { releaseDirProviderSchema } from '../../packages/engine/src/providers/release-dir/schema.ts'
import type { RunContext } from '../../packages/engine/src/providers/types.ts'
import type { BenchResult } from '../report.ts'

const SWITCHES = 200
const WARMUP = 20
const READER = new URL(
  '../../packages/engine/src/providers/release-dir/fixtures/current-reader.ts',
  import.meta.url,
).pathname

const ctx: RunContext = {
  signal: new AbortController().signal,
  log: () => {},
  now: () => new Date(),
  env: process.env,
}

type Switch = (release: 'a' | 'b') => Promise<void>

/** A root with releases a and b placed, and the three ways of switching `current` between them. */
async function setUp(
  dir: string,
): Promise<{ root: string; ways: Record<'step' | 'bare' | 'bareSynced' | 'nonAtomic', Switch> }> {
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
  const steps = Object.fromEntries(
    (['a', 'b'] as const).map((r) => [
      r,
      provider.plan({ kind: 'deploy', env: 'bench', service: 'web', release: r, previous: null }).steps,
    ]),
  )
  for (const r of ['a', 'b']) for (const s of steps[r]!.slice(0, 2)) await provider.runStep(s, ctx)
  const root = join(dir, 'srv')
  const current = join(root, 'current')
  return {
    root,
    ways: {
      step: async (r) => {
        const outcome = await provider.runStep(
          steps[r]!.find((s) => s.action === 'switch')!,
          ctx,
        )
        if (!outcome.ok) throw new Error(outcome.reason)
      },
      bare: async (r) => {
        const next = join(root, '.bench.next')
        await symlink(`releases/${r}`, next)
        await rename(next, current)
      },
      bareSynced: async (r) => {
        const next = join(root, '.bench.next')
        await symlink(`releases/${r}`, next)
        await rename(next, current)
        const fh = await open(root, 'r')
        await fh.sync()
        await fh.close()
      },
      nonAtomic: async (r) => {
        await unlink(current)
        await symlink(`releases/${r}`, current)
      },
    },
  }
}

async function timings(way: Switch): Promise<{ median: number; p99: number }> {
  const ms: number[] = []
  for (let i = 0; i < WARMUP + SWITCHES; i++) {
    const t0 = performance.now()
    await way(i % 2 ? 'a' : 'b')
    if (i >= WARMUP) ms.push(performance.now() - t0)
  }
  ms.sort((x, y) => x - y)
  return {
    median: ms[Math.floor(ms.length / 2)]!,
    p99: ms[Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)]!,
  }
}

/** Switches while a separate process reads through `current`; returns the reads that failed. */
async function brokenReads(root: string, way: Switch): Promise<number> {
  const reader = spawn(process.execPath, ['--import', 'tsx', READER, root], {
    stdio: ['pipe', 'pipe', 'ignore'],
  })
  let out = ''
  let onReady = () => {}
  reader.stdout.on('data', (c: Buffer) => {
    out += c.toString()
    if (out.startsWith('ready\n')) onReady()
  })
  const closed = new Promise<void>((resolve) => reader.on('close', () => resolve()))
  await new Promise<void>((resolve) => (onReady = resolve))
  for (let i = 0; i < SWITCHES; i++) await way(i % 2 ? 'a' : 'b')
  reader.stdin.end()
  await closed
  return (JSON.parse(out.trim().split('\n').at(-1)!) as { failures: number }).failures
}

export async function benchSwitch(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'rina-bench-switch-'))
  try {
    const { root, ways } = await setUp(dir)
    const step = await timings(ways.step)
    const bare = await timings(ways.bare)
    const bareSynced = await timings(ways.bareSynced)
    const nonAtomic = await timings(ways.nonAtomic)
    const broken = {
      step: await brokenReads(root, ways.step),
      nonAtomic: await brokenReads(root, ways.nonAtomic),
    }
    const bareName = 'bare fs.symlink + rename'
    return {
      title: 'Release switch (release-dir)',
      rows: [
        {
          name: `switch step, median of ${SWITCHES}`,
          value: step.median,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: bareName, value: bare.median },
          target: 20,
        },
        {
          name: `switch step, p99 of ${SWITCHES}`,
          value: step.p99,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: bareName, value: bare.p99 },
          target: 20,
        },
        {
          name: 'symlink + rename + directory fsync, median',
          value: bareSynced.median,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: bareName, value: bare.median },
        },
        {
          name: 'non-atomic unlink + symlink, median',
          value: nonAtomic.median,
          unit: 'ms',
          lowerIsBetter: true,
          baseline: { name: bareName, value: bare.median },
        },
        {
          name: `broken reads by a concurrent reader over ${SWITCHES} switches (switch step)`,
          value: broken.step,
          unit: 'reads',
          lowerIsBetter: true,
          ...(broken.nonAtomic > 0
            ? { baseline: { name: 'non-atomic unlink + symlink', value: broken.nonAtomic } }
            : {}),
          target: 0,
        },
      ],
      notes: [
        `The switch step checks the release is complete, reads the old link, makes the new link beside it, renames it over \`current\` and fsyncs the directory; the bare pair does only the symlink and rename. The non-atomic way saw ${broken.nonAtomic} broken reads in the same run.`,
      ],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
