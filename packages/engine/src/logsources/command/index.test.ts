import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { readLines, runLogSourceConformance, sourceContext } from '../../testing/logsource.conformance.ts'
import { waitFor } from '../../testing/wait-for.ts'
import { commandLogSource } from './index.ts'
import { commandLogSourceSchema } from './schema.ts'
import { restartDelay } from './supervise.ts'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'rina-command-source-'))
  dirs.push(d)
  return d
}
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const source = (run: string, extra: Record<string, unknown> = {}, queueCapacity?: number) =>
  commandLogSource(commandLogSourceSchema.parse({ type: 'command', run, ...extra }), {
    name: 'journal',
    random: () => 0.5,
    queueCapacity,
  })

/** A zombie waiting for init to reap it counts as gone: it no longer runs. */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

runLogSourceConformance({
  name: 'command',
  async create() {
    const file = join(tempDir(), 'feed.log')
    writeFileSync(file, '')
    return {
      source: source(`exec tail -n +1 -F '${file}'`),
      name: 'journal',
      write: (lines) => appendFile(file, lines.map((l) => `${l}\n`).join('')),
      close: async () => {},
    }
  },
  skip: {
    'resumes after the cursor when reopened from a line read before':
      'a command cannot replay its output: a restarted source yields what the command prints next',
  },
})

describe('commandLogSource', () => {
  it('marks the lines a command writes to stderr', async () => {
    const lines = await readLines(source('echo out; echo oops >&2; sleep 30'), null, 2)
    const byText = Object.fromEntries(lines.map((l) => [l.text, l.stream ?? 'stdout']))
    assert.deepEqual(byText, { out: 'stdout', oops: 'stderr' })
  })

  it('restarts the command with backoff when it exits', async () => {
    const counter = join(tempDir(), 'runs')
    const run = `n=$(cat '${counter}' 2>/dev/null || echo 0); n=$((n+1)); echo $n > '${counter}'; echo "run $n"; exit 3`
    const lines = await readLines(source(run, { initialBackoff: '10ms', maxBackoff: '40ms' }), null, 3)
    assert.deepEqual(
      lines.map((l) => l.text),
      ['run 1', 'run 2', 'run 3'],
    )
    assert.deepEqual(
      lines.map((l) => l.cursor),
      [1, 2, 3].map((seq) => ({ kind: 'seq', seq })),
    )
  })

  it('yields a last line without newline when the command exits', async () => {
    const lines = await readLines(source("printf 'a\\nno newline'", { initialBackoff: '1m' }), null, 2)
    assert.deepEqual(
      lines.map((l) => l.text),
      ['a', 'no newline'],
    )
  })

  it('kills the whole process group when the reader aborts', async () => {
    const [line] = await readLines(source('sleep 300 & echo $!; wait'), null, 1)
    const pid = Number(line!.text)
    assert.ok(pid > 0)
    await waitFor(() => !alive(pid))
  })

  it('samples and counts what it drops when the reader falls behind a chatty command', async () => {
    const s = source('seq 1 20000; sleep 30', {}, 50)
    const stop = new AbortController()
    const it = s.open(null, sourceContext(stop.signal))[Symbol.asyncIterator]()
    assert.equal((await it.next()).done, false)
    await waitFor(() => 1 + s.load!().queued + s.load!().dropped === 20_000)
    const load = s.load!()
    assert.ok(load.queued <= 50, `queue stays bounded (${load.queued})`)
    assert.ok(load.sampledEvery > 1)
    const rest: number[] = []
    for (let i = 0; i < load.queued; i++) rest.push(Number((await it.next()).value!.text))
    assert.deepEqual(
      rest,
      [...rest].sort((a, b) => a - b),
    )
    assert.ok(rest.at(-1)! > 19_000, 'the newest lines are the ones kept')
    stop.abort()
    await it.return?.()
  })
})

describe('restartDelay', () => {
  it('doubles up to the cap with jitter in the upper half when a command keeps exiting', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((a) => restartDelay(a, 1_000, 30_000, () => 0))
    assert.deepEqual(delays, [500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000])
    assert.equal(
      restartDelay(3, 1_000, 30_000, () => 0.999_999),
      3_999,
    )
  })
})
