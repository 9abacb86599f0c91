/**
 * @module A real local target for probe tests that can be put up, down or hanging: a TCP listener on
 * 127.0.0.1 that, when up, hands each connection to an inner HTTP, HTTPS or TLS server (or just holds it, for
 * plain TCP); when down, stops listening so connections are refused; when hanging, accepts connections and
 * never answers. The port stays the same across switches.
 */
import type { Server as HttpServer } from 'node:http'
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net'

export type TargetMode = 'up' | 'down' | 'hang'

export interface SwitchableServer {
  readonly host: string
  readonly port: number
  mode(): TargetMode
  set(mode: TargetMode): Promise<void>
  /** Connections accepted so far, in any mode. */
  connections(): number
  close(): Promise<void>
}

/** `inner` answers connections while up: an http.Server, https.Server or tls.Server that is not listening. */
export async function startSwitchableServer(inner?: Server | HttpServer): Promise<SwitchableServer> {
  const sockets = new Set<Socket>()
  let mode: TargetMode = 'up'
  let accepted = 0
  const outer = createServer((socket) => {
    accepted++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    if (mode === 'up' && inner) inner.emit('connection', socket)
  })
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      outer.once('error', reject)
      outer.listen(port, '127.0.0.1', () => {
        outer.off('error', reject)
        resolve()
      })
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      if (!outer.listening) return resolve()
      outer.close(() => resolve())
    })
  await listen(0)
  const { port } = outer.address() as AddressInfo

  return {
    host: '127.0.0.1',
    port,
    mode: () => mode,
    connections: () => accepted,
    async set(next) {
      if (next === mode) return
      const wasDown = mode === 'down'
      mode = next
      if (next === 'down') await stop()
      else {
        for (const s of sockets) s.destroy()
        if (wasDown) await listen(port)
      }
    },
    close: async () => {
      mode = 'down'
      await stop()
    },
  }
}
