/**
 * @module The fleet's HTTP API: GET /health, GET /api/items, GET /api/items/:id, GET /api/jobs/next (the worker
 * pulls its jobs here). Logs one pino-style JSON line per request on stdout; under an error-rate fault, some
 * requests fail with a 500 and an error line, as a broken release would.
 */
import { hostname } from 'node:os'
import { readRelease, settings } from '../lib/release.mjs'
import { send, startService } from '../lib/service.mjs'

const release = readRelease()
const { host, port, env } = settings()
const base = { pid: process.pid, hostname: hostname(), service: 'api', env, version: release.version }
const log = (level, fields, msg) =>
  process.stdout.write(`${JSON.stringify({ level, time: Date.now(), ...base, ...fields, msg })}\n`)

const ITEMS = Array.from({ length: 24 }, (_, i) => ({
  id: i + 1,
  name: `Item ${String(i + 1).padStart(2, '0')}`,
  price: Math.round((9.5 + i * 3.25) * 100) / 100,
  ...(release.version >= '1.1' ? { currency: 'EUR' } : {}),
}))
const JOB_KINDS = ['sync-invoices', 'send-digest', 'resize-images', 'reindex-search']
/** What a broken release runs into; the stacks point at the functions that would throw. */
function queryItems(n) {
  if (n % 3 === 0)
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
  if (n % 3 === 1) throw new Error('timeout acquiring a connection from the pool after 5000ms')
  return formatPrice(undefined)
}
const formatPrice = (item) => item.price.toFixed(2)
function failure(n) {
  try {
    queryItems(n)
  } catch (e) {
    return e
  }
  return new Error('unexpected success')
}
let requestId = 0
let jobId = 0
let failureIndex = 0

async function handle(req, res, faults, path) {
  const started = process.hrtime.bigint()
  const reqFields = {
    id: ++requestId,
    method: req.method,
    url: req.url,
    remoteAddress: req.socket.remoteAddress,
    userAgent: req.headers['user-agent'],
  }
  await faults.delay()
  const elapsed = () => Math.round(Number(process.hrtime.bigint() - started) / 1e6)
  if (faults.shouldFail(path)) {
    const e = failure(failureIndex++)
    send(res, 500, { error: 'internal error', requestId: reqFields.id })
    const err = {
      type: e.constructor.name,
      message: e.message,
      stack: e.stack,
      ...(e.code ? { code: e.code } : {}),
    }
    return log(
      50,
      { req: reqFields, res: { statusCode: 500 }, err, responseTime: elapsed() },
      'request errored',
    )
  }
  const [status, body] = route(req.method, path, new URL(req.url, 'http://x').searchParams)
  send(res, status, body)
  log(
    status >= 500 ? 50 : status >= 400 ? 40 : 30,
    { req: reqFields, res: { statusCode: status }, responseTime: elapsed() },
    'request completed',
  )
}

function route(method, path, query) {
  if (method !== 'GET') return [405, { error: 'method not allowed' }]
  if (path === '/health') return [200, { status: 'ok', version: release.version, env }]
  if (path === '/api/items') {
    const limit = Math.max(1, Math.min(100, Number(query.get('limit')) || 10))
    return [200, { items: ITEMS.slice(0, limit), total: ITEMS.length, version: release.version }]
  }
  const item = /^\/api\/items\/(\d+)$/.exec(path)
  if (item) {
    const found = ITEMS.find((i) => i.id === Number(item[1]))
    return found ? [200, found] : [404, { error: `item ${item[1]} not found` }]
  }
  if (path === '/api/jobs/next') {
    const id = ++jobId
    return [200, { job: { id, kind: JOB_KINDS[id % JOB_KINDS.length], items: 1 + (id % 7) } }]
  }
  return [404, { error: 'not found' }]
}

const service = await startService({ name: 'api', release, host, port, handle })
log(30, { port: service.port, faults: service.faults.get() }, 'server listening')
service.ready()
