#!/usr/bin/env node
/**
 * @module Client of the fleet supervisor, used as the release-dir provider's start command:
 *   node supervisor-ctl.mjs --dir <fleet dir> restart <env> <service>   (waits until the new process is ready, the old drained)
 *   node supervisor-ctl.mjs --dir <fleet dir> stop <env> <service> | status | shutdown
 * Exits 0 on success, 1 when the action failed, 2 on a usage error.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const args = process.argv.slice(2)
const at = args.indexOf('--dir')
const dir = at >= 0 ? args[at + 1] : process.env.FLEET_DIR
const [action, env, service] = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args
const usage =
  'usage: node supervisor-ctl.mjs --dir <fleet dir> restart|stop <env> <service> | status | shutdown'

if (!dir || !action || (['restart', 'stop'].includes(action) && !(env && service))) {
  console.error(usage)
  process.exit(2)
}
const controlFile = join(dir, 'run', 'supervisor.json')
if (!existsSync(controlFile)) {
  console.error(`the fleet supervisor is not running (no ${controlFile}); start the fleet first`)
  process.exit(1)
}
const { url } = JSON.parse(readFileSync(controlFile, 'utf8'))

async function call(method, path) {
  try {
    const res = await fetch(`${url}${path}`, { method, signal: AbortSignal.timeout(30_000) })
    return { status: res.status, body: await res.json() }
  } catch (e) {
    console.error(`cannot reach the fleet supervisor at ${url}: ${e.cause?.message ?? e.message}`)
    process.exit(1)
  }
}

if (action === 'status') {
  const { body } = await call('GET', '/status')
  for (const s of body.services) {
    const what = s.pid ? `pid ${s.pid} release ${s.release}` : ''
    console.log(`${`${s.env}/${s.service}`.padEnd(26)} ${s.state.padEnd(9)} ${what} restarts ${s.restarts}`)
  }
} else if (action === 'shutdown') {
  await call('POST', '/shutdown')
  console.log('fleet supervisor stopping')
} else if (action === 'restart' || action === 'stop') {
  const { status, body } = await call(
    'POST',
    `/${action}/${encodeURIComponent(env)}/${encodeURIComponent(service)}`,
  )
  if (status !== 200) {
    console.error(body.reason ?? `${action} failed (${status})`)
    process.exit(1)
  }
  console.log(
    action === 'stop'
      ? `stopped ${env}/${service}`
      : `${env}/${service} ready: release ${body.release}, pid ${body.pid}`,
  )
} else {
  console.error(usage)
  process.exit(2)
}
