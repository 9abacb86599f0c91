/**
 * @module The API app: Hono handlers registered from the route table (bearer auth → role → input validation → one
 * engine command → JSON), errors mapped once (http-errors.ts), the bus fed from the journal, metrics, the event
 * stream's metrics frames, and the runtime hooks. Testable with `app.request()`, no socket.
 */
import type { CommandContext, Following } from '@rinawarp/engine'
import { EventBus, LiveJournal, RinaError, followJournal, humanActor, startFeed } from '@rinawarp/engine'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { callerOf, requireRole } from './auth/bearer.ts'
import { mountDashboard } from './dashboard/assets.ts'
import { errorResponse } from './http-errors.ts'
import { ApiMetrics } from './metrics.ts'
import { buildOpenApi } from './openapi.ts'
import type { Route } from './route.ts'
import { ROUTES } from './routes/index.ts'
import { VERSION } from './routes/meta.ts'
import { RunTracker } from './runs.ts'
import type { RuntimeHook } from './runtime.ts'
import type { AppServices } from './services.ts'
import { namedFrame } from './sse.ts'
import { parseInput } from './validate.ts'

export interface AppOptions {
  /** The command context the server acts in (config, store, journal, clock, ids); requests set the actor. */
  open: () => CommandContext
  /** Milliseconds between metrics frames on event streams (default 5000). */
  metricsIntervalMs?: number
  /** Head polling for appends by other processes (default 200 ms; PostgreSQL listens instead). */
  pollMs?: number
  /** Check every JSON answer against its route's schema (tests; costs time per request). */
  validateResponses?: boolean
  /** Process metrics (CPU, memory, event loop) in /metrics (default true). */
  processMetrics?: boolean
  /** Workers started with the app and stopped with it (outbox delivery, later agents). */
  runtime?: readonly RuntimeHook[]
  /** Internal errors (the client gets a 500 without detail) and failures of background work. */
  onError?: (err: unknown) => void
  /** Extra origins that may frame the dashboard (e.g. code-server's), beyond itself and VS Code webviews. */
  frameAncestors?: readonly string[]
}

export interface ServerApp {
  readonly app: Hono
  readonly fetch: (request: Request) => Response | Promise<Response>
  readonly request: Hono['request']
  readonly services: AppServices
  readonly routes: readonly Route[]
  close(): Promise<void>
}

export async function createApp(opts: AppOptions): Promise<ServerApp> {
  const opened = opts.open()
  // Reads follow the store incrementally: status and audit queries fold new events only, not the whole history;
  // the start folds only the events since the last state snapshot, and snapshots are saved as it goes.
  const journal = new LiveJournal(opened.store.journal, opened.clock, opened.secrets, {
    snapshots: opened.store.snapshots,
  })
  const base: CommandContext = { ...opened, journal }
  const onError = opts.onError ?? ((err: unknown) => console.error(err))
  const bus = new EventBus({ after: (await base.store.journal.head()).seq, onError })
  const feed = await startFeed({
    bus,
    store: base.store,
    journal: base.journal,
    pollMs: opts.pollMs,
    onError,
  })
  const metrics = new ApiMetrics({ outbox: base.store.outbox, defaultMetrics: opts.processMetrics })
  const folding: Following = followJournal({
    bus,
    journal: base.store.journal,
    after: 0,
    onEvent: (e) => metrics.observe(e),
  })
  folding.ready.catch(onError)
  let openapi: unknown = null
  const services: AppServices = {
    bus,
    runs: new RunTracker(bus, onError),
    metrics,
    clock: base.clock,
    metricsIntervalMs: opts.metricsIntervalMs ?? 5_000,
    openapi: () => (openapi ??= buildOpenApi(ROUTES, { version: VERSION })),
    streams: new Set(),
  }

  const app = new Hono()
  const handler = (r: Route) => async (c: Context) => {
    const started = performance.now()
    let status = 500
    try {
      const caller = r.auth ? await callerOf(base.store.tokens, c.req.header('authorization')) : null
      if (caller) requireRole(caller, r.role, `${r.method} ${r.path}`)
      const input = parseInput(r, {
        params: c.req.param() as Record<string, string>,
        query: c.req.query(),
        body: r.body ? await c.req.text() : '',
      })
      const ctx: CommandContext = caller ? { ...base, actor: humanActor(caller.user) } : base
      const out = await r.handle(input, {
        ctx,
        caller: caller ?? { tokenId: '', user: '', role: 'viewer' },
        services,
        request: c.req.raw,
      })
      if (out instanceof Response) {
        status = out.status
        return out
      }
      if (opts.validateResponses) checkResponse(r, out)
      status = r.status
      return c.json(out as object, r.status)
    } catch (err) {
      const e = errorResponse(err)
      if (e.body.error.code === 'INTERNAL') onError(err)
      status = e.status
      return c.json(e.body, e.status)
    } finally {
      metrics.request(r.method, r.path, status, (performance.now() - started) / 1000)
    }
  }
  for (const r of ROUTES) app.on(r.method, r.path, handler(r))
  mountDashboard(app, { onError, ...(opts.frameAncestors ? { frameAncestors: opts.frameAncestors } : {}) })
  app.notFound(async (c) => {
    try {
      await callerOf(base.store.tokens, c.req.header('authorization'))
      return c.json(errorResponse(notFound(c.req.method, c.req.path)).body, 404)
    } catch (err) {
      const e = errorResponse(err)
      return c.json(e.body, e.status)
    }
  })

  const ticker = setInterval(() => {
    if (services.streams.size === 0) return
    void metrics.snapshot(services.clock.now()).then((snap) => {
      const frame = namedFrame('metrics', snap)
      for (const s of services.streams) s.send(frame)
    }, onError)
  }, services.metricsIntervalMs)
  ticker.unref()

  const stopRuntime = new AbortController()
  const hooks = opts.runtime ?? []
  for (const h of hooks) {
    await h.start({ ctx: base, bus, signal: stopRuntime.signal, onError })
  }

  let closing: Promise<void> | null = null
  return {
    app,
    fetch: (request) => app.fetch(request),
    request: app.request.bind(app) as Hono['request'],
    services,
    routes: ROUTES,
    close: () =>
      (closing ??= (async () => {
        clearInterval(ticker)
        stopRuntime.abort()
        for (const s of [...services.streams]) s.close()
        await services.runs.stopAll()
        await Promise.all(hooks.map((h) => h.stop?.()))
        folding.stop()
        await feed.stop()
        await journal.saveSnapshot()
      })()),
  }
}

const notFound = (method: string, path: string) =>
  new RinaError({ code: 'NOT_FOUND', message: `no route ${method} ${path}`, hint: 'see /api/openapi.json' })

function checkResponse(r: Route, out: unknown): void {
  const plain: unknown = JSON.parse(JSON.stringify(out))
  const res = r.response.safeParse(plain)
  if (!res.success) {
    throw new Error(`${r.method} ${r.path} answered outside its schema: ${JSON.stringify(res.error.issues)}`)
  }
}
