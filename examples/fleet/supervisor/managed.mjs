/**
 * @module One supervised service: runs `<root>/current` (the release-dir provider's symlink) as a child process,
 * waits for it to say it is ready, restarts it after a crash with exponential backoff, and copies its output
 * line by line into its log file (unchanged, for the log sources) and the fleet log (prefixed, for people).
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { createInterface } from 'node:readline'

const READY_TIMEOUT_MS = 15_000
const STOP_GRACE_MS = 3_000
const BACKOFF_FIRST_MS = 250
const BACKOFF_MAX_MS = 5_000
const STABLE_AFTER_MS = 10_000

/**
 * @param {{ env: string, service: string, root: string, log: string, vars: Record<string, string> }} spec
 * @param {{ say(line: string): void, combined: import('node:stream').Writable, baseEnv: Record<string, string> }} io
 */
export function createManaged(spec, io) {
  const name = `${spec.env}/${spec.service}`
  mkdirSync(dirname(spec.log), { recursive: true })
  const logFile = createWriteStream(spec.log, { flags: 'a' })
  let child = null
  let state = 'stopped'
  let wanted = false
  let timer = null
  let crashes = 0
  let restarts = 0
  let startedAt = null
  let running = null
  let lastExit = null

  /** Copies a stream into the service's log; `onLine` sees each line too. */
  function copy(stream, onLine = () => {}) {
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      logFile.write(`${line}\n`)
      io.combined.write(`[${name}] ${line}\n`)
      onLine(line)
    })
  }

  /** Starts `current` and resolves when it is ready, has exited, or took too long. */
  function start() {
    clearTimeout(timer)
    wanted = true
    const current = join(spec.root, 'current')
    if (!existsSync(current)) {
      state = 'absent'
      return Promise.resolve({ ok: false, reason: `${name}: nothing deployed (no ${current})` })
    }
    let dir
    let release
    try {
      dir = realpathSync(current)
      release = JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8'))
    } catch (e) {
      state = 'absent'
      return Promise.resolve({ ok: false, reason: `${name}: cannot read the current release: ${e.message}` })
    }
    const proc = spawn(process.execPath, [join(dir, release.main)], {
      cwd: dir,
      env: { ...io.baseEnv, ...spec.vars },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    child = proc
    state = 'starting'
    running = { release: basename(dir), version: release.version, pid: proc.pid }
    startedAt = Date.now()
    let lastError = ''
    copy(proc.stdout)
    copy(proc.stderr, (line) => {
      if (line.trim() !== '' && !/^\s+at /.test(line)) lastError = line.trim()
    })
    io.say(`started ${name} pid ${proc.pid} release ${running.release}`)
    proc.on('exit', (code, signal) => onExit(proc, code, signal))
    proc.on('error', (e) => io.say(`${name}: ${e.message}`))
    return new Promise((resolve) => {
      const settle = (result) => {
        clearTimeout(limit)
        proc.off('message', onMessage)
        proc.off('close', onEarlyExit)
        resolve(result)
      }
      const onMessage = (m) => {
        if (m?.type !== 'ready') return
        if (state === 'starting') state = 'running'
        settle({ ok: true, pid: proc.pid, release: running.release, version: running.version })
      }
      // 'close' comes after the output streams ended, so the last error line has been read by then.
      const onEarlyExit = (code, signal) => {
        const why = lastError === '' ? '' : `: ${lastError.slice(0, 300)}`
        settle({
          ok: false,
          reason: `${name} exited before it was ready (${signal ?? `code ${code}`})${why}`,
        })
      }
      const limit = setTimeout(() => {
        proc.kill('SIGKILL')
        settle({ ok: false, reason: `${name} was not ready within ${READY_TIMEOUT_MS / 1000}s` })
      }, READY_TIMEOUT_MS)
      proc.on('message', onMessage)
      proc.on('close', onEarlyExit)
    })
  }

  function onExit(proc, code, signal) {
    lastExit = { code, signal, at: new Date().toISOString() }
    if (proc !== child) return
    child = null
    io.say(`${name} pid ${proc.pid} exited (${signal ?? `code ${code}`})`)
    if (!wanted) {
      state = 'stopped'
      return
    }
    if (Date.now() - startedAt >= STABLE_AFTER_MS) crashes = 0
    const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** crashes)
    crashes++
    state = 'backoff'
    io.say(`restarting ${name} in ${delay}ms (crash ${crashes})`)
    timer = setTimeout(() => {
      restarts++
      start()
    }, delay)
  }

  /** Stops the child: SIGTERM, then SIGKILL after a grace period. No restart follows. */
  async function stop() {
    wanted = false
    clearTimeout(timer)
    const proc = child
    if (proc === null) {
      if (state !== 'absent') state = 'stopped'
      return
    }
    const exited = new Promise((resolve) => proc.once('exit', resolve))
    proc.kill('SIGTERM')
    const killer = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS)
    await exited
    clearTimeout(killer)
  }

  async function restart() {
    await stop()
    crashes = 0
    return start()
  }

  function status() {
    return {
      env: spec.env,
      service: spec.service,
      state:
        child === null && state === 'stopped' && !existsSync(join(spec.root, 'current')) ? 'absent' : state,
      pid: child?.pid ?? null,
      release: child ? running.release : null,
      version: child ? running.version : null,
      restarts,
      startedAt: child && startedAt ? new Date(startedAt).toISOString() : null,
      lastExit,
      log: spec.log,
    }
  }

  const close = () => new Promise((resolve) => logFile.end(resolve))
  return {
    name,
    start,
    stop,
    restart,
    status,
    close,
    isDeployed: () => existsSync(join(spec.root, 'current')),
  }
}
