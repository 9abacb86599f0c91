/**
 * @module One supervised service: runs `<root>/current` (the release-dir provider's symlink) as a child process,
 * waits for it to say it is ready, restarts it after a crash with exponential backoff, and copies its output
 * line by line into its log file (unchanged, for the log sources) and the fleet log (prefixed, for people).
 * An HTTP service (one with a PORT) accepts from a socket the supervisor owns (supervisor/socket.mjs), so a
 * restart is zero-downtime: the new process starts on the same socket, and only once it is ready is the old one
 * told to drain (stop accepting, answer what it has, close its connections, exit; SIGKILL after a grace period).
 * A new process that does not become ready leaves the old one serving.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { createSharedSocket } from './socket.mjs'

const READY_TIMEOUT_MS = 15_000
const STOP_GRACE_MS = 3_000
/** Longer than a keep-alive connection stays idle (services/lib/listen.mjs) plus a slow answer. */
const DRAIN_GRACE_MS = 10_000
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
  const socket = spec.vars.PORT
    ? createSharedSocket({ name, host: spec.vars.HOST || '127.0.0.1', port: Number(spec.vars.PORT) })
    : null
  /** The process that serves (or starts after a crash); a restart's new process joins it only once ready. */
  let child = null
  /** Every process of this service still running: the child, one starting beside it, old ones draining. */
  const procs = new Set()
  let state = 'stopped'
  let wanted = false
  let restarting = false
  let turn = Promise.resolve()
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

  /** Spawns `current`; `ready` resolves when it is ready, has exited, or took too long (then it is killed). */
  function launch() {
    const current = join(spec.root, 'current')
    if (!existsSync(current)) return { ok: false, reason: `${name}: nothing deployed (no ${current})` }
    let dir
    let release
    try {
      dir = realpathSync(current)
      release = JSON.parse(readFileSync(join(dir, 'release.json'), 'utf8'))
    } catch (e) {
      return { ok: false, reason: `${name}: cannot read the current release: ${e.message}` }
    }
    const proc = spawn(process.execPath, [join(dir, release.main)], {
      cwd: dir,
      env: { ...io.baseEnv, ...spec.vars, ...(socket ? { FLEET_LISTEN: 'supervisor' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    })
    procs.add(proc)
    const info = { release: basename(dir), version: release.version, pid: proc.pid }
    let lastError = ''
    copy(proc.stdout)
    copy(proc.stderr, (line) => {
      // The error's own line, not its stack frames or the "Node.js v20…" line Node prints after them.
      if (line.trim() !== '' && !/^\s+at |^Node\.js v\d/.test(line)) lastError = line.trim()
    })
    io.say(`started ${name} pid ${proc.pid} release ${info.release}`)
    proc.on('exit', (code, signal) => onExit(proc, code, signal))
    proc.on('error', (e) => io.say(`${name}: ${e.message}`))
    proc.on('message', (m) => m?.type === 'get-socket' && socket?.give(proc))
    const ready = new Promise((resolve) => {
      const settle = (result) => {
        clearTimeout(limit)
        proc.off('message', onMessage)
        proc.off('close', onEarlyExit)
        resolve(result)
      }
      const onMessage = (m) => {
        if (m?.type === 'ready')
          settle({ ok: true, pid: proc.pid, release: info.release, version: info.version })
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
    return { ok: true, proc, info, ready }
  }

  /** Starts `current` with no process serving (first start, after a crash, after a stop). */
  async function start() {
    clearTimeout(timer)
    wanted = true
    const opened = socket ? await socket.open() : { ok: true }
    if (!opened.ok) {
      state = 'stopped'
      return opened
    }
    const launched = launch()
    if (!launched.ok) {
      socket?.close()
      state = 'absent'
      return launched
    }
    child = launched.proc
    state = 'starting'
    running = launched.info
    startedAt = Date.now()
    const result = await launched.ready
    if (result.ok && child === launched.proc) {
      state = 'running'
      socket?.route(child)
    }
    return result
  }

  function onExit(proc, code, signal) {
    procs.delete(proc)
    lastExit = { code, signal, at: new Date().toISOString() }
    const how = signal ?? `code ${code}`
    if (proc !== child) return io.say(`${name} pid ${proc.pid} exited (${how})`)
    child = null
    socket?.route(null)
    io.say(`${name} pid ${proc.pid} exited (${how})`)
    if (!wanted) {
      state = 'stopped'
      return
    }
    state = 'backoff'
    // A restart under way puts its new process in this one's place, or schedules the crash restart itself.
    if (!restarting) afterCrash()
  }

  function afterCrash() {
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

  /** Resolves once `proc` has exited. */
  const exitOf = (proc) =>
    proc.exitCode !== null || proc.signalCode !== null
      ? Promise.resolve()
      : new Promise((resolve) => proc.once('exit', () => resolve()))

  /** Asks `proc` to leave (a drain message or a signal), then SIGKILL after `graceMs`. */
  async function leave(proc, ask, graceMs) {
    const exited = exitOf(proc)
    ask()
    const killer = setTimeout(() => {
      io.say(`${name} pid ${proc.pid} still running after ${graceMs / 1000}s: SIGKILL`)
      proc.kill('SIGKILL')
    }, graceMs)
    await exited
    clearTimeout(killer)
  }

  /** Tells an old process to drain: it stops accepting, finishes its requests, closes its connections, exits. */
  function drain(proc) {
    io.say(`draining ${name} pid ${proc.pid}`)
    return leave(proc, () => proc.send({ type: 'drain' }, (e) => e && proc.kill('SIGTERM')), DRAIN_GRACE_MS)
  }

  /** Stops every process of the service: SIGTERM, then SIGKILL after a grace period. No restart follows. */
  async function stopProcesses() {
    wanted = false
    clearTimeout(timer)
    if (procs.size === 0 && state !== 'absent') state = 'stopped'
    await Promise.all([...procs].map((proc) => leave(proc, () => proc.kill('SIGTERM'), STOP_GRACE_MS)))
  }

  /** Stops the service: its processes, and the port (it refuses connections from then on). */
  async function stop() {
    socket?.close()
    await stopProcesses()
  }

  /**
   * Switches to the release `current` points at now. With a process serving, the new one starts beside it on
   * the same socket and the old one drains once the new one is ready; otherwise it is a plain start.
   */
  async function switchRelease() {
    const old = child
    if (old === null || state !== 'running' || socket === null) {
      // Nothing serves (a crash, a stop, a start under way): a plain start; the port stays open meanwhile.
      await stopProcesses()
      crashes = 0
      return start()
    }
    wanted = true
    restarting = true
    try {
      const launched = launch()
      if (!launched.ok) return launched
      const result = await launched.ready
      if (!result.ok || !wanted) {
        if (result.ok) await leave(launched.proc, () => launched.proc.kill('SIGTERM'), STOP_GRACE_MS)
        if (child === null && wanted) afterCrash()
        return result.ok ? { ok: false, reason: `${name} was stopped while it started` } : result
      }
      clearTimeout(timer)
      child = launched.proc
      state = 'running'
      running = launched.info
      startedAt = Date.now()
      crashes = 0
      socket.route(child)
      if (procs.has(old)) await drain(old)
      return result
    } finally {
      restarting = false
    }
  }

  /** Restarts one at a time: a second deploy waits for the first switch to finish. */
  function restart() {
    const next = turn.then(switchRelease)
    turn = next.catch(() => {})
    return next
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
