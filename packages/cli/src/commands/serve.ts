/**
 * @module rina serve — the HTTP API, event stream and metrics on 127.0.0.1 (or --host with TLS), with the runtime
 * hooks (outbox delivery; agents join the list later). Prints the URL; stops cleanly on SIGINT or SIGTERM.
 */
import { RinaError } from '@rinawarp/engine'
import type { RuntimeHook } from '@rinawarp/server'
import { agents, createApp, FRAME_ANCESTOR, outboxDelivery, startServer } from '@rinawarp/server'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openContext } from '../context.ts'
import type { Run } from '../io.ts'

interface ServeOptions {
  host: string
  port: string
  tlsCert?: string
  tlsKey?: string
  allowPlainHttp?: boolean
  frameAncestor?: string[]
}

/** Workers that run inside the server, started and stopped with it. */
const runtime = (): RuntimeHook[] => [
  outboxDelivery(),
  // agents
  agents(),
]

export async function serve(run: Run, opts: ServeOptions): Promise<void> {
  const port = Number(opts.port)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RinaError({ code: 'USAGE', message: `--port ${opts.port} is not a port`, hint: 'use 0–65535' })
  }
  if (Boolean(opts.tlsCert) !== Boolean(opts.tlsKey)) {
    throw new RinaError({ code: 'USAGE', message: 'TLS needs both --tls-cert and --tls-key' })
  }
  const tls =
    opts.tlsCert && opts.tlsKey ? { cert: read(run, opts.tlsCert), key: read(run, opts.tlsKey) } : undefined
  const bad = (opts.frameAncestor ?? []).filter((o) => !FRAME_ANCESTOR.test(o))
  if (bad.length) {
    throw new RinaError({
      code: 'USAGE',
      message: `--frame-ancestor ${bad.join(', ')} is not an origin`,
      hint: 'give scheme, host and optional port, e.g. http://127.0.0.1:8123',
    })
  }
  const ctx = await openContext(run)
  try {
    const app = await createApp({
      open: () => ctx,
      runtime: runtime(),
      ...(opts.frameAncestor ? { frameAncestors: opts.frameAncestor } : {}),
      onError: (err) => run.out.warn(`rina serve: ${(err as Error).stack ?? String(err)}`),
    })
    try {
      const server = await startServer({
        fetch: app.fetch,
        host: opts.host,
        port,
        tls,
        allowPlainHttp: opts.allowPlainHttp === true,
      })
      run.out.result({ url: server.url })
      run.out.line(`rina serve: ${server.url} (project ${ctx.config.project}, ${ctx.store.kind} store)`)
      run.out.line(
        run.out.paint(
          'dim',
          `  API ${server.url}/api/v1 · events ${server.url}/api/v1/events · metrics ${server.url}/metrics`,
        ),
      )
      const signal = await new Promise<string>((done) => {
        process.once('SIGINT', () => done('SIGINT'))
        process.once('SIGTERM', () => done('SIGTERM'))
      })
      run.out.warn(`rina serve: ${signal}, stopping`)
      await app.close()
      await server.close()
    } finally {
      await app.close()
    }
  } finally {
    await ctx.close()
  }
}

function read(run: Run, path: string): string {
  const full = resolve(run.io.cwd, path)
  try {
    return readFileSync(full, 'utf8')
  } catch (cause) {
    throw new RinaError({ code: 'USAGE', message: `cannot read ${full}: ${(cause as Error).message}`, cause })
  }
}
