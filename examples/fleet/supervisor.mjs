#!/usr/bin/env node
/**
 * @module The fleet supervisor: runs every service of every environment listed in `<dir>/fleet.json` from its
 * `current` release, restarts crashed ones with backoff, switches releases without downtime (it owns each
 * service's listening socket: supervisor/managed.mjs), and takes orders over HTTP on 127.0.0.1 (the address is
 * written to `<dir>/run/supervisor.json`; supervisor-ctl.mjs is its client). SIGTERM, SIGINT, POST /shutdown or
 * the loss of its parent's IPC channel stop every service, then the supervisor.
 *   node supervisor.mjs --dir <fleet dir>
 */
import { createWriteStream, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { createManaged } from './supervisor/managed.mjs'

const args = process.argv.slice(2)
const dir = args[args.indexOf('--dir') + 1]
if (!args.includes('--dir') || !dir) {
  console.error('usage: node supervisor.mjs --dir <fleet dir>')
  process.exit(2)
}
const manifest = JSON.parse(readFileSync(join(dir, 'fleet.json'), 'utf8'))
const runDir = join(dir, 'run')
const controlFile = join(runDir, 'supervisor.json')
mkdirSync(runDir, { recursive: true })
mkdirSync(join(dir, 'logs'), { recursive: true })

const say = (line) => process.stdout.write(`${new Date().toISOString()} supervisor: ${line}\n`)
const combined = createWriteStream(join(dir, 'logs', 'fleet.log'), { flags: 'a' })
const baseEnv = { ...process.env }
for (const k of ['NODE_OPTIONS', 'NODE_TEST_CONTEXT', 'NODE_CHANNEL_FD', 'NODE_CHANNEL_SERIALIZATION_MODE'])
  delete baseEnv[k]
const services = manifest.services.map((spec) => createManaged(spec, { say, combined, baseEnv }))
const find = (env, service) => services.find((s) => s.name === `${env}/${service}`)

let stopping = null
function shutdown(why) {
  stopping ??= (async () => {
    say(`stopping (${why})`)
    server.close()
    await Promise.all(services.map((s) => s.stop()))
    await Promise.all(services.map((s) => s.close()))
    rmSync(controlFile, { force: true })
    say('stopped')
    await new Promise((resolve) => combined.end(resolve))
    process.exit(0)
  })()
  return stopping
}

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' })
  res.end(`${JSON.stringify(body)}\n`)
}

const server = createServer(async (req, res) => {
  const parts = new URL(req.url ?? '/', 'http://x').pathname.split('/').filter(Boolean)
  try {
    if (req.method === 'GET' && parts[0] === 'status')
      return json(res, 200, { pid: process.pid, services: services.map((s) => s.status()) })
    if (req.method !== 'POST') return json(res, 404, { error: 'not found' })
    if (parts[0] === 'shutdown') {
      json(res, 200, { ok: true })
      return void shutdown('asked over HTTP')
    }
    const target = find(parts[1], parts[2])
    if (!target) return json(res, 404, { ok: false, reason: `no service ${parts[1]}/${parts[2]}` })
    if (stopping) return json(res, 503, { ok: false, reason: 'the supervisor is stopping' })
    if (parts[0] === 'restart') {
      const result = await target.restart()
      return json(res, result.ok ? 200 : 502, result)
    }
    if (parts[0] === 'stop') {
      await target.stop()
      return json(res, 200, { ok: true })
    }
    json(res, 404, { ok: false, reason: `unknown action ${parts[0]}` })
  } catch (e) {
    json(res, 500, { ok: false, reason: e.message })
  }
})

process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGHUP', () => shutdown('SIGHUP'))
if (process.send) process.on('disconnect', () => shutdown('parent went away'))

await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const { port } = server.address()
const tmp = `${controlFile}.${process.pid}`
writeFileSync(tmp, JSON.stringify({ pid: process.pid, url: `http://127.0.0.1:${port}` }))
renameSync(tmp, controlFile)
say(`listening on http://127.0.0.1:${port}`)
const started = await Promise.all(services.filter((s) => s.isDeployed()).map((s) => s.start()))
for (const r of started) if (!r.ok) say(r.reason)
process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}`, pid: process.pid })
