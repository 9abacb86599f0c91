/**
 * @module The listening socket the supervisor owns for one HTTP service. The supervisor listens on the service's
 * port itself and hands the server handle to each process it starts (over IPC, when the process asks), so an old
 * and a new process accept from the same socket while a restart overlaps them. The supervisor is one more
 * acceptor on that socket: it passes the connections it accepts, unread, to the process that serves now. While
 * none does (after a crash, until the restarted process is ready) it closes them at once: a client fails fast
 * rather than waiting out the backoff, and a probe sees the service down, as it is.
 */
import { createServer } from 'node:net'

/** @param {{ name: string, host: string, port: number }} spec */
export function createSharedSocket(spec) {
  /** @type {import('node:net').Server | null} */
  let server = null
  /** @type {import('node:child_process').ChildProcess | null} */
  let target = null

  function pass(socket) {
    if (target === null || !target.connected) return void socket.destroy()
    // The process owns the connection from here; the supervisor's copy closes once it is handed over.
    target.send({ type: 'connection' }, socket, (e) => e && socket.destroy())
  }

  return {
    /** Listens on the service's port (once); resolves with a reason when the port cannot be had. */
    open() {
      if (server !== null) return Promise.resolve({ ok: true })
      const s = createServer({ pauseOnConnect: true }, pass)
      return new Promise((resolve) => {
        s.once('error', (e) =>
          resolve({
            ok: false,
            reason: `${spec.name}: cannot listen on ${spec.host}:${spec.port}: ${e.message}`,
          }),
        )
        s.listen({ port: spec.port, host: spec.host }, () => {
          server = s
          resolve({ ok: true })
        })
      })
    },
    /** Hands the listening socket to a process that asked for it (it closes its own copy when it drains). */
    give(proc) {
      if (server !== null) proc.send({ type: 'socket' }, server)
      else proc.send({ type: 'socket', error: `${spec.name}: the supervisor holds no socket` })
    },
    /** From now on, connections the supervisor accepts go to `proc`; null: none serves, they are closed. */
    route(proc) {
      target = proc
    },
    /** Stops listening: the port refuses connections once no process holds the socket any more. */
    close() {
      server?.close()
      server = null
      target = null
    },
  }
}
