/**
 * @module The fleet's background worker: pulls a job from the API every second, works on it, logs it in logfmt,
 * and touches its heartbeat file (HEARTBEAT_FILE) every second. A small control port (PORT) carries /__fault
 * and /healthz. Faults: errorRate fails jobs, latencyMs slows them, stall stops jobs and heartbeats, crash exits.
 * Told to drain (a restart: the new worker is ready), it stops pulling jobs and beating and finishes its job.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { readRelease, settings } from '../lib/release.mjs'
import { send, startService } from '../lib/service.mjs'

const release = readRelease()
const { host, port, env } = settings()
const heartbeatFile = process.env.HEARTBEAT_FILE
const apiUrl = process.env.API_URL
const interval = Number(process.env.JOB_INTERVAL_MS || 1000)

const quote = (v) => (/^[\w.:/@+-]+$/.test(String(v)) ? String(v) : JSON.stringify(String(v)))
function log(level, msg, fields = {}) {
  const pairs = Object.entries({ time: new Date().toISOString(), level, msg, ...fields })
  process.stdout.write(`${pairs.map(([k, v]) => `${k}=${quote(v)}`).join(' ')}\n`)
}

let stalled = false
let lastBeat = null
let done = 0
let failed = 0

function beat() {
  if (stalled || !heartbeatFile) return
  lastBeat = new Date()
  writeFileSync(heartbeatFile, `${lastBeat.toISOString()} ${release.version} pid=${process.pid}\n`)
}

async function nextJob() {
  if (!apiUrl) return { id: done + failed + 1, kind: 'local-cleanup', items: 1 }
  const res = await fetch(`${apiUrl}/api/jobs/next`, { signal: AbortSignal.timeout(2000) })
  if (!res.ok) throw new Error(`GET /api/jobs/next answered ${res.status}`)
  return (await res.json()).job
}

async function runJob(faults) {
  const started = Date.now()
  let job = null
  try {
    job = await nextJob()
    await faults.delay()
    await new Promise((r) => setTimeout(r, 2 + (job.id % 5)))
    if (faults.shouldFail('job')) throw new Error(`${job.kind}: upstream rejected batch (HTTP 502)`)
    done++
    log('info', 'job done', {
      job: job.id,
      kind: job.kind,
      items: job.items,
      duration_ms: Date.now() - started,
    })
  } catch (e) {
    failed++
    log('error', 'job failed', {
      job: job?.id ?? '-',
      kind: job?.kind ?? '-',
      err: e.cause?.message ?? e.message,
      duration_ms: Date.now() - started,
    })
  }
}

let leaving = false
let ticker = null
let job = Promise.resolve()

function loop(faults) {
  const tick = async () => {
    if (!stalled) await (job = runJob(faults))
    if (!leaving) ticker = setTimeout(tick, interval)
  }
  ticker = setTimeout(tick, interval)
}

/** On a restart the new worker already runs: stop pulling jobs and beating, and finish the job under way. */
async function leave() {
  leaving = true
  clearTimeout(ticker)
  clearInterval(beats)
  await job
  log('info', 'worker leaving', { done, failed })
}

function handle(req, res, _faults, path) {
  if (path === '/healthz')
    return send(res, 200, { status: 'ok', version: release.version, lastBeat, done, failed })
  send(res, 404, { error: 'not found' })
}

if (heartbeatFile) mkdirSync(dirname(heartbeatFile), { recursive: true })
const service = await startService({
  name: 'worker',
  release,
  host,
  port,
  handle,
  onFaults: (f) => {
    if (f.stall && !stalled) log('warn', 'job loop waiting on lock', { lock: 'jobs:queue' })
    stalled = Boolean(f.stall)
  },
  onDrain: leave,
})
beat()
const beats = setInterval(beat, 1000)
loop(service.faults)
log('info', 'worker started', {
  env,
  version: release.version,
  control_port: service.port,
  interval_ms: interval,
})
service.ready()
