import assert from 'node:assert/strict'
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { probeContext, runProbeConformance, SUITE_NOW } from '../../testing/probe.conformance.ts'
import { heartbeatProbe } from './index.ts'
import { heartbeatProbeSchema } from './schema.ts'

const NO_HANG = 'reading a file mtime or an in-memory heartbeat cannot hang'
const ago = (ms: number) => new Date(SUITE_NOW.getTime() - ms)
const config = (over: Record<string, unknown>) =>
  heartbeatProbeSchema.parse({ name: 'worker', type: 'heartbeat', staleAfter: '60s', ...over })

async function beatFile(): Promise<{ dir: string; touch: (at: Date) => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rina-beat-'))
  const path = join(dir, 'worker.beat')
  await writeFile(path, '')
  return { dir, touch: (at) => utimes(path, at, at) }
}

runProbeConformance({
  name: 'heartbeat (file)',
  async createTarget() {
    const { dir, touch } = await beatFile()
    await touch(ago(5_000))
    return {
      config: config({ file: 'worker.beat' }),
      context: { configDir: dir },
      set: (mode) => touch(mode === 'down' ? ago(10 * 60_000) : ago(5_000)),
      close: () => rm(dir, { recursive: true, force: true }),
    }
  },
  skip: {
    'gives up at the timeout when the target hangs': NO_HANG,
    'stops when ctx.signal aborts while the target hangs': NO_HANG,
  },
})

runProbeConformance({
  name: 'heartbeat (key)',
  async createTarget() {
    let last: Date | null = ago(1_000)
    return {
      config: config({ key: 'mailer' }),
      context: { heartbeat: async (key) => (key === 'mailer' ? last : null) },
      set: async (mode) => void (last = mode === 'down' ? null : ago(1_000)),
      close: async () => {},
    }
  },
  skip: {
    'gives up at the timeout when the target hangs': NO_HANG,
    'stops when ctx.signal aborts while the target hangs': NO_HANG,
  },
})

describe('heartbeatProbe', () => {
  it('says how long ago the worker reported when the beat is fresh', async () => {
    const seen = await heartbeatProbe.observe(
      config({ key: 'k' }),
      probeContext({ heartbeat: async () => ago(12_000) }),
    )
    assert.deepEqual([seen.ok, seen.detail], [true, 'last beat 12s ago'])
    assert.deepEqual(seen.values, {
      lastBeat: ago(12_000).toISOString(),
      ageMs: 12_000,
      staleAfterMs: 60_000,
      from: 'key',
    })
  })

  it('fails with the age and the limit when the beat is older than staleAfter', async () => {
    const { dir, touch } = await beatFile()
    try {
      await touch(ago(5 * 60_000 + 3_000))
      const seen = await heartbeatProbe.observe(
        config({ file: 'worker.beat' }),
        probeContext({ configDir: dir }),
      )
      assert.deepEqual([seen.ok, seen.detail], [false, 'last beat 5m3s ago, stale after 60s'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('passes on the newest beat when both a file and a key are set', async () => {
    const { dir, touch } = await beatFile()
    try {
      await touch(ago(3_600_000))
      const seen = await heartbeatProbe.observe(
        config({ file: 'worker.beat', key: 'k' }),
        probeContext({ configDir: dir, heartbeat: async () => ago(2_000) }),
      )
      assert.deepEqual([seen.ok, seen.detail, seen.values?.from], [true, 'last beat 2s ago', 'key'])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('counts a beat from the future as just now when clocks disagree', async () => {
    const seen = await heartbeatProbe.observe(
      config({ key: 'k' }),
      probeContext({ heartbeat: async () => ago(-5_000) }),
    )
    assert.deepEqual([seen.ok, seen.detail], [true, 'last beat just now'])
  })

  it('names the missing file when the worker never wrote it', async () => {
    const seen = await heartbeatProbe.observe(
      config({ file: '/nonexistent/rina/worker.beat' }),
      probeContext(),
    )
    assert.deepEqual([seen.ok, seen.detail], [false, 'no heartbeat file at /nonexistent/rina/worker.beat'])
  })

  it('says no beat arrived when the key has none', async () => {
    const seen = await heartbeatProbe.observe(
      config({ key: 'mailer' }),
      probeContext({ heartbeat: async () => null }),
    )
    assert.deepEqual([seen.ok, seen.detail], [false, 'no heartbeat received for key "mailer"'])
  })

  it('explains that keys need rina serve when the host keeps no heartbeats', async () => {
    const seen = await heartbeatProbe.observe(config({ key: 'mailer' }), probeContext())
    assert.equal(seen.ok, false)
    assert.match(seen.detail, /kept by `rina serve`/)
  })
})
