/**
 * @module Puts an app on a socket for `rina serve`: 127.0.0.1 by default; HTTPS when a certificate is given. A
 * non-loopback address needs TLS unless the caller says a proxy in front terminates it.
 */
import { createAdaptorServer } from '@hono/node-server'
import type { ServerType } from '@hono/node-server'
import { RinaError } from '@rinawarp/engine'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'

export interface TlsFiles {
  /** PEM certificate chain. */
  cert: string | Buffer
  /** PEM private key. */
  key: string | Buffer
}

export interface StartOptions {
  fetch: (request: Request) => Response | Promise<Response>
  /** Default 127.0.0.1. */
  host?: string
  /** Default 7070; 0 picks a free port. */
  port?: number
  tls?: TlsFiles | undefined
  /** Allow plain HTTP on a non-loopback address (a TLS-terminating proxy in front). */
  allowPlainHttp?: boolean
}

export interface RunningServer {
  readonly url: string
  readonly port: number
  readonly server: ServerType
  /** Stops accepting, ends open connections (event streams included) and waits. */
  close(): Promise<void>
}

export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1'
  if (!opts.tls && !isLoopback(host) && !opts.allowPlainHttp) {
    throw new RinaError({
      code: 'USAGE',
      message: `binding ${host} without TLS would send API tokens in clear text`,
      hint: 'pass --tls-cert and --tls-key, or --allow-plain-http when a proxy in front terminates TLS',
    })
  }
  const server = opts.tls
    ? createAdaptorServer({
        fetch: opts.fetch,
        createServer: createHttpsServer,
        serverOptions: { cert: opts.tls.cert, key: opts.tls.key },
      })
    : createAdaptorServer({ fetch: opts.fetch })
  await new Promise<void>((resolve, reject) => {
    const fail = (err: NodeJS.ErrnoException) =>
      reject(
        new RinaError({
          code: err.code === 'EADDRINUSE' || err.code === 'EACCES' ? 'USAGE' : 'INTERNAL',
          message: `cannot listen on ${host}:${opts.port ?? 7070}: ${err.message}`,
          hint: err.code === 'EADDRINUSE' ? 'another process uses the port; pick one with --port' : undefined,
          cause: err,
        }),
      )
    server.once('error', fail)
    server.listen(opts.port ?? 7070, host, () => {
      server.off('error', fail)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  const shown = host.includes(':') ? `[${host}]` : host
  let closing: Promise<void> | null = null
  return {
    url: `${opts.tls ? 'https' : 'http'}://${shown}:${port}`,
    port,
    server,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        const s = server as { closeAllConnections?: () => void }
        s.closeAllConnections?.()
      })),
  }
}
