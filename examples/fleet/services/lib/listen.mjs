/**
 * @module Where a fleet service's connections come from, and how it leaves without failing one. Under the
 * supervisor (FLEET_LISTEN=supervisor) the service asks for the supervisor's listening socket over IPC and
 * accepts from it, beside the connections the supervisor accepted and passes on; run alone, it listens on its
 * port itself. Told to drain, it stops accepting, answers every request it has and every further request on an
 * open connection with `Connection: close`, keeps idle keep-alive connections until their advertised timeout (a
 * client may send on one until then), and exits once none is left.
 */
import { createServer } from 'node:net'

/** How long an idle keep-alive connection stays open, advertised as `Keep-Alive: timeout=3`. */
export const KEEP_ALIVE_MS = 3_000

/** Asks the supervisor for the listening socket it owns: a net.Server already listening in this process. */
function socketFromSupervisor() {
  return new Promise((resolve, reject) => {
    const onMessage = (m, handle) => {
      if (m?.type !== 'socket') return
      process.off('message', onMessage)
      if (handle) resolve(handle)
      else reject(new Error(m.error ?? 'the supervisor sent no socket'))
    }
    process.on('message', onMessage)
    process.send({ type: 'get-socket' })
  })
}

function listenOn(host, port) {
  const server = createServer()
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve(server))
  })
}

/**
 * Feeds `http` (an http.Server that never listens itself) with connections; resolves with the port once it
 * accepts. `onDrain` runs when a drain starts (e.g. the worker stops its loop); the exit waits for it.
 * @param {import('node:http').Server} http
 * @param {{ host: string, port: number, onDrain?: () => unknown }} opts
 */
export async function serveConnections(http, { host, port, onDrain = () => {} }) {
  http.keepAliveTimeout = KEEP_ALIVE_MS
  const sockets = new Set()
  const used = new WeakSet()
  const answering = new Set()
  let draining = false
  let drained = false

  const exitWhenDone = () => {
    if (drained && sockets.size === 0) process.exit(0)
  }
  http.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => {
      sockets.delete(socket)
      exitWhenDone()
    })
  })
  // Before the service's own handler: a request that arrives while draining is the connection's last.
  http.prependListener('request', (req, res) => {
    used.add(req.socket)
    if (draining) res.setHeader('connection', 'close')
    answering.add(res)
    res.once('close', () => answering.delete(res))
  })

  const underSupervisor = process.env.FLEET_LISTEN === 'supervisor' && typeof process.send === 'function'
  const listener = underSupervisor ? await socketFromSupervisor() : await listenOn(host, port)
  listener.on('connection', (socket) => http.emit('connection', socket))

  async function drain() {
    if (draining) return
    draining = true
    listener.close()
    for (const res of answering) if (!res.headersSent) res.setHeader('connection', 'close')
    // A connection that never carried a request gets the keep-alive time to send one, like an idle one.
    for (const socket of sockets)
      if (!used.has(socket)) setTimeout(() => used.has(socket) || socket.destroy(), KEEP_ALIVE_MS).unref()
    await onDrain()
    drained = true
    exitWhenDone()
  }

  process.on('message', (m, handle) => {
    if (m?.type === 'connection' && handle) {
      http.emit('connection', handle)
      handle.resume()
    } else if (m?.type === 'drain') void drain()
  })
  process.on('SIGTERM', () => {
    listener.close()
    for (const socket of sockets) socket.destroy()
    process.exit(0)
  })
  return { port: listener.address().port }
}
