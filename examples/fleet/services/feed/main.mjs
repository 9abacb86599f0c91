/**
 * @module The fleet's Electron auto-update feed (electron-builder "generic" provider layout). On start it
 * publishes its release's latest.yml and installer into the public folder (FEED_PUBLIC_DIR, the "bucket"), then
 * serves that folder. Fault `staleFeed`: baked in, the release skips publishing; switched on at run time, the feed
 * serves the latest.yml that was there before it started. Either way clients keep seeing the old version.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readRelease, settings } from '../lib/release.mjs'
import { send, startService } from '../lib/service.mjs'

const release = readRelease()
const { host, port } = settings()
const own = fileURLToPath(new URL('../artifacts/', import.meta.url))
const publicDir = process.env.FEED_PUBLIC_DIR || own
const log = (level, msg) =>
  process.stdout.write(`${new Date().toISOString()} ${level.padEnd(5)} feed: ${msg}\n`)

const readText = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : null)
const previous = readText(join(publicDir, 'latest.yml'))
const manifest = readFileSync(join(own, 'latest.yml'), 'utf8')
const installer = /^path: (.+)$/m.exec(manifest)?.[1]?.trim()

function publish() {
  mkdirSync(publicDir, { recursive: true })
  copyFileSync(join(own, installer), join(publicDir, installer))
  const tmp = join(publicDir, `.latest.yml.${process.pid}`)
  writeFileSync(tmp, manifest)
  renameSync(tmp, join(publicDir, 'latest.yml'))
  log('INFO', `published ${release.version} (${installer})`)
}

async function handle(req, res, faults, path) {
  await faults.delay()
  const started = Date.now()
  const done = (status, bytes) =>
    log(
      status >= 500 ? 'ERROR' : 'INFO',
      `${req.method} ${path} ${status} ${bytes}b ${Date.now() - started}ms`,
    )
  if (faults.shouldFail(path)) {
    send(res, 503, 'upstream storage unavailable\n', 'text/plain')
    return done(503, 29)
  }
  if (path === '/healthz') return send(res, 200, { status: 'ok', version: release.version })
  if (path === '/latest.yml') {
    const text =
      faults.get().staleFeed && previous !== null ? previous : readText(join(publicDir, 'latest.yml'))
    if (text === null) return (send(res, 404, 'no release published yet\n', 'text/plain'), done(404, 25))
    send(res, 200, text, 'text/yaml; charset=utf-8')
    return done(200, Buffer.byteLength(text))
  }
  const file = join(publicDir, basename(decodeURIComponent(path)))
  if (path.length > 1 && !basename(file).startsWith('.') && existsSync(file) && statSync(file).isFile()) {
    const size = statSync(file).size
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': size })
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file))
    return done(200, size)
  }
  send(res, 404, 'not found\n', 'text/plain')
  done(404, 10)
}

if (!installer) throw new Error('latest.yml of this release names no installer (path:)')
if (release.faults.staleFeed)
  log('WARN', `publish of ${release.version} skipped: upload returned 403 (credentials expired?)`)
else if (publicDir !== own) publish()
const service = await startService({ name: 'electron-feed', release, host, port, handle })
log('INFO', `serving ${publicDir} on ${host}:${service.port} (release ${release.version})`)
service.ready()
