import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { probeContext, runProbeConformance } from '../../testing/probe.conformance.ts'
import type { TargetMode } from '../../testing/switchable-server.ts'
import { commandProbe } from './index.ts'
import { commandProbeSchema } from './schema.ts'

const config = (run: string, over: Record<string, unknown> = {}) =>
  commandProbeSchema.parse({ name: 'check', type: 'command', run, ...over })

const SCRIPTS: Record<TargetMode, string> = {
  up: 'echo "queue depth 3"\necho healthy\n',
  down: 'echo "checking db"\necho "db unreachable" >&2\nexit 3\n',
  hang: 'sleep 60\n',
}

runProbeConformance({
  name: 'command',
  async createTarget() {
    const dir = await mkdtemp(join(tmpdir(), 'rina-cmd-'))
    const set = (mode: TargetMode) => writeFile(join(dir, 'check.sh'), SCRIPTS[mode])
    await set('up')
    return {
      config: config('sh ./check.sh'),
      context: { configDir: dir },
      set,
      close: () => rm(dir, { recursive: true, force: true }),
    }
  },
})

async function gone(pid: number): Promise<boolean> {
  // A killed process may linger until its parent reaps it; poll a bounded number of times.
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0)
    } catch {
      return true
    }
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '')
    if (stat === '' || / Z /.test(stat)) return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return false
}

describe('commandProbe', () => {
  it('passes with the last output line when the command exits 0', async () => {
    const seen = await commandProbe.observe(config('echo first; echo "all good"'), probeContext())
    assert.deepEqual([seen.ok, seen.detail, seen.values], [true, 'all good', { exitCode: 0 }])
  })

  it('fails with the exit code and the last line when the command exits non-zero', async () => {
    const seen = await commandProbe.observe(
      config('echo "checking"; echo "disk 97% full" >&2; exit 2'),
      probeContext(),
    )
    assert.deepEqual([seen.ok, seen.detail, seen.values], [false, 'exit 2: disk 97% full', { exitCode: 2 }])
  })

  it('says how long it took when the command prints nothing', async () => {
    const seen = await commandProbe.observe(config('true'), probeContext())
    assert.equal(seen.ok, true)
    assert.match(seen.detail, /^exit 0 in \d+ ms$/)
  })

  it('runs in the config directory with the release and probe name in the environment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rina-cmd-'))
    try {
      const seen = await commandProbe.observe(
        config('echo "$(basename "$PWD") $RINA_PROBE $RINA_RELEASE $EXTRA"', { env: { EXTRA: 'x' } }),
        probeContext({ configDir: dir, release: '1.4.2' }),
      )
      assert.equal(seen.detail, `${dir.split('/').at(-1)} check 1.4.2 x`)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('kills the whole process group when the signal aborts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rina-cmd-'))
    try {
      const abort = new AbortController()
      const pending = commandProbe.observe(
        config('sleep 60 & echo $! > child.pid; wait'),
        probeContext({ configDir: dir, signal: abort.signal }),
      )
      let pid = ''
      for (let i = 0; i < 500 && pid === ''; i++) {
        pid = (await readFile(join(dir, 'child.pid'), 'utf8').catch(() => '')).trim()
        if (pid === '') await new Promise((r) => setTimeout(r, 10))
      }
      abort.abort()
      assert.deepEqual([(await pending).ok, (await pending).detail], [false, 'aborted'])
      assert.ok(await gone(Number(pid)), `the background child ${pid} was killed with the group`)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('does not wait for a background child when it keeps the output open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rina-cmd-'))
    try {
      const seen = await commandProbe.observe(
        config('sleep 60 & echo $! > child.pid; echo started'),
        probeContext({ configDir: dir }),
      )
      assert.deepEqual([seen.ok, seen.detail], [true, 'started'])
      const pid = Number((await readFile(join(dir, 'child.pid'), 'utf8')).trim())
      assert.ok(await gone(pid), 'the leftover child was cleaned up')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('fails saying why when the working directory does not exist', async () => {
    const seen = await commandProbe.observe(
      config('true', { cwd: 'missing-dir' }),
      probeContext({ configDir: '/nonexistent' }),
    )
    assert.equal(seen.ok, false)
    assert.match(seen.detail, /^could not run the command: .*ENOENT/)
  })
})
