/**
 * @module The fleet's website: an HTML page showing the running version, GET /healthz, static assets. Logs
 * access lines in the combined log format (as nginx does); failed renders add an error line.
 */
import { readRelease, settings } from '../lib/release.mjs'
import { send, startService } from '../lib/service.mjs'

const release = readRelease()
const { host, port, env } = settings()
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n) => String(n).padStart(2, '0')

function clfTime(d) {
  const day = `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}`
  return `${day}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
}

function access(req, status, bytes) {
  const ua = req.headers['user-agent'] ?? '-'
  const ref = req.headers.referer ?? '-'
  const line = `${req.socket.remoteAddress} - - [${clfTime(new Date())}] "${req.method} ${req.url} HTTP/${req.httpVersion}" ${status} ${bytes} "${ref}" "${ua}"`
  process.stdout.write(`${line}\n`)
}

const escape = (s) =>
  String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])

const page = () => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>RinaWarp Shop</title><link rel="stylesheet" href="/style.css"></head>
<body>
<h1>RinaWarp Shop</h1>
<p class="version">version <strong data-version="${escape(release.version)}">${escape(release.version)}</strong> · ${escape(env)}</p>
<p>${escape(release.notes || 'Welcome.')}</p>
</body>
</html>
`
const CSS = 'body { font-family: system-ui, sans-serif; margin: 3rem; } .version { color: #555; }\n'

async function handle(req, res, faults, path) {
  await faults.delay()
  if (faults.shouldFail(path)) {
    process.stderr.write(
      `[error] ${new Date().toISOString()} render ${path} failed: template "home" threw: undefined is not a function\n`,
    )
    const body = '<!doctype html><title>500</title><h1>Something went wrong</h1>\n'
    send(res, 500, body, 'text/html; charset=utf-8')
    return access(req, 500, Buffer.byteLength(body))
  }
  let status = 200
  let body
  let type = 'text/html; charset=utf-8'
  if (path === '/healthz') [body, type] = [{ status: 'ok', version: release.version }, 'application/json']
  else if (path === '/') body = page()
  else if (path === '/style.css') [body, type] = [CSS, 'text/css']
  else [status, body] = [404, '<!doctype html><title>404</title><h1>Not found</h1>\n']
  send(res, status, body, type)
  access(req, status, Buffer.byteLength(typeof body === 'string' ? body : JSON.stringify(body)))
}

const service = await startService({ name: 'website', release, host, port, handle })
process.stdout.write(
  `[info] ${new Date().toISOString()} website ${release.version} listening on ${host}:${service.port}\n`,
)
service.ready()
