/**
 * @module The dashboard bundle: packages/dashboard/src/main.ts bundled with esbuild in memory (minified, one JS and
 * one CSS file), named by content hash, with the page pointing at them. Built once, on first use, then cached.
 */
import { DASHBOARD_ENTRY, DASHBOARD_HTML } from '@rinawarp/dashboard'
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'

export interface Asset {
  /** Path under the mount: `index.html`, `assets/app.<hash>.js`, `assets/app.<hash>.css`. */
  path: string
  type: string
  body: Uint8Array<ArrayBuffer>
  /** Strong ETag of the body. */
  etag: string
  /** Gzipped body, sent to clients that accept it. */
  gzip: Uint8Array<ArrayBuffer>
}

export interface DashboardBundle {
  html: Asset
  js: Asset
  css: Asset
  /** The asset at a path, or null. */
  find(path: string): Asset | null
}

const hashOf = (body: Uint8Array) => createHash('sha256').update(body).digest('hex')

function asset(path: string, type: string, bytes: Uint8Array): Asset {
  const body = new Uint8Array(bytes)
  return {
    path,
    type,
    body,
    etag: `"${hashOf(body).slice(0, 32)}"`,
    gzip: new Uint8Array(gzipSync(body, { level: 9 })),
  }
}

export async function buildDashboard(opts: { entry?: string; html?: string } = {}): Promise<DashboardBundle> {
  const out = await build({
    entryPoints: { app: opts.entry ?? DASHBOARD_ENTRY },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    write: false,
    outdir: '/rina-dashboard',
    legalComments: 'none',
    logLevel: 'silent',
    charset: 'utf8',
  })
  const file = (ext: string) => {
    const f = out.outputFiles.find((o) => o.path.endsWith(ext))
    if (!f) throw new Error(`the dashboard bundle has no ${ext} output`)
    return f.contents
  }
  const jsBody = file('.js')
  const cssBody = file('.css')
  const js = asset(`assets/app.${hashOf(jsBody).slice(0, 12)}.js`, 'text/javascript; charset=utf-8', jsBody)
  const css = asset(`assets/app.${hashOf(cssBody).slice(0, 12)}.css`, 'text/css; charset=utf-8', cssBody)
  const template = await readFile(opts.html ?? DASHBOARD_HTML, 'utf8')
  const page = template.replace('%APP_JS%', js.path).replace('%APP_CSS%', css.path)
  const html = asset('index.html', 'text/html; charset=utf-8', new TextEncoder().encode(page))
  const byPath = new Map([html, js, css].map((a) => [a.path, a]))
  return { html, js, css, find: (path) => byPath.get(path) ?? null }
}
