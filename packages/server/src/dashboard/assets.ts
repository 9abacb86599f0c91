/**
 * @module Serves the dashboard from the API's own process: the page at `/`, the hashed JS and CSS under
 * `/assets/`, with a strict Content-Security-Policy (no inline script; framable only by itself and VS Code
 * webviews), ETags (304 on a match), long-lived caching of hashed assets, and gzip for clients that accept it.
 * The assets carry no data and need no token: the page asks for one and sends it to the API.
 */
import { RinaError } from '@rinawarp/engine'
import type { Context, Hono } from 'hono'
import { errorResponse } from '../http-errors.ts'
import type { Asset, DashboardBundle } from './bundle.ts'
import { buildDashboard } from './bundle.ts'

/** The policy, with extra origins allowed to frame the panel (e.g. a browser-hosted VS Code such as code-server). */
export function dashboardCsp(frameAncestors: readonly string[] = []): string {
  return DASHBOARD_CSP.replace(
    "frame-ancestors 'self' vscode-webview:",
    ["frame-ancestors 'self' vscode-webview:", ...frameAncestors].join(' '),
  )
}

/** Origins accepted for --frame-ancestor: scheme, host and optional port (a * port allowed), nothing else. */
export const FRAME_ANCESTOR = /^https?:\/\/[a-z0-9.-]+(:(\d{1,5}|\*))?$/i

export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self' vscode-webview:",
].join('; ')

export interface DashboardOptions {
  /** How the bundle is made (default: esbuild over packages/dashboard, once). */
  build?: () => Promise<DashboardBundle>
  onError?: (err: unknown) => void
  /** Extra origins that may frame the panel (CSP frame-ancestors), beyond itself and VS Code webviews. */
  frameAncestors?: readonly string[]
}

function headers(a: Asset, gzip: boolean, csp: string): Record<string, string> {
  return {
    'content-type': a.type,
    etag: gzip ? a.etag.replace(/"$/, '-gz"') : a.etag,
    'cache-control': a.path === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  }
}

/** Registers the dashboard's routes on the app; the bundle is built on the first request and kept. */
export function mountDashboard(app: Hono, opts: DashboardOptions = {}): void {
  const csp = dashboardCsp(opts.frameAncestors)
  let bundle: Promise<DashboardBundle> | null = null
  const load = () =>
    (bundle ??= (opts.build ?? buildDashboard)().catch((err: unknown) => {
      bundle = null
      throw err
    }))

  const serve = async (c: Context, path: string): Promise<Response> => {
    let b: DashboardBundle
    try {
      b = await load()
    } catch (err) {
      opts.onError?.(err)
      const e = errorResponse(err)
      return c.json(e.body, e.status)
    }
    const a = b.find(path)
    if (!a) {
      const e = errorResponse(new RinaError({ code: 'NOT_FOUND', message: `no dashboard asset ${path}` }))
      return c.json(e.body, e.status)
    }
    const gzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '')
    const h = headers(a, gzip, csp)
    const match = (c.req.header('if-none-match') ?? '').split(',').map((t) => t.trim())
    if (match.includes(h.etag!) || match.includes(a.etag))
      return new Response(null, { status: 304, headers: h })
    return new Response(gzip ? a.gzip : a.body, { status: 200, headers: h })
  }

  app.get('/', (c) => serve(c, 'index.html'))
  app.get('/index.html', (c) => serve(c, 'index.html'))
  app.get('/assets/:name', (c) => serve(c, `assets/${c.req.param('name')}`))
}
