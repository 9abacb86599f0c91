/**
 * @module What every fleet service shares: the /__fault control route, its connections (listen.mjs: the
 * supervisor's socket, draining on a restart), telling the supervisor it is ready (IPC), leaving with its
 * supervisor, and crashing for real when asked to.
 */
import { createServer } from 'node:http'
import { createFaults, unknownFaultFields } from './faults.mjs'
import { serveConnections } from './listen.mjs'

/** Sends a body with a content type and length. */
export function send(res, status, body, type = 'application/json') {
  const text = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body)
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

export function readBody(req, limit = 64 * 1024) {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks = []
    req.on('data', (c) => {
      size += c.length
      if (size > limit) reject(new Error('body too large'))
      else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Throws from a timer: an uncaught exception, the way a real process dies (stack on stderr, exit code 1). */
export function crashSoon(service, ms = 20) {
  setTimeout(() => {
    throw new Error(`${service}: simulated crash (fault switch)`)
  }, ms)
}

/**
 * Starts the service: the fault state from release.json, an HTTP server whose /__fault route reads and sets it,
 * and `handle(req, res, faults)` for everything else. `onFaults` sees every change (e.g. the worker's stall);
 * `onDrain` runs when a restart tells this process to leave (the exit waits for it).
 */
export async function startService({ name, release, host, port, handle, onFaults = () => {}, onDrain }) {
  const faults = createFaults(release.faults)
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/__fault') return control(req, res).catch((e) => send(res, 400, { error: e.message }))
    Promise.resolve(handle(req, res, faults, path)).catch((e) => {
      process.stderr.write(`${e.stack}\n`)
      if (!res.headersSent) send(res, 500, { error: 'internal error' })
      else res.destroy()
    })
  })

  async function control(req, res) {
    if (req.method === 'GET') return send(res, 200, { service: name, faults: faults.get() })
    if (req.method !== 'POST') return send(res, 405, { error: 'use GET or POST' })
    const text = await readBody(req)
    const body = text.trim() === '' ? {} : JSON.parse(text)
    const unknown = unknownFaultFields(body)
    if (unknown.length > 0) return send(res, 400, { error: `unknown fault fields: ${unknown.join(', ')}` })
    const now = faults.set(body)
    onFaults(now)
    send(res, 200, { service: name, faults: now })
    if (now.crash) crashSoon(name)
  }

  // Under the supervisor: leave when it goes, so no service outlives the fleet.
  if (process.send) process.on('disconnect', () => process.exit(0))

  const { port: actual } = await serveConnections(server, { host, port, onDrain })
  onFaults(faults.get())
  if (faults.get().crash) crashSoon(name, 1000)
  return { server, faults, port: actual, ready: () => process.send?.({ type: 'ready', port: actual }) }
}
