/**
 * @module `activate` only registers. Under the fake vscode, with a token and a real local server configured, it
 * registers every command and the status bar item, and makes no HTTP request and starts no process, neither
 * before it returns nor in what it leaves running; the status stream and the first preflight start on the first
 * timer tick after it (timers faked until then), and never if the extension is disposed before that tick.
 * Requests and processes are seen through Node's diagnostics channels: nothing in the code is replaced.
 */
import assert from 'node:assert/strict'
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, afterEach, before, beforeEach, describe, it, mock } from 'node:test'
import type * as vscode from 'vscode'
import type { EnvStatus } from './api/types.ts'
import { useFakeVscode } from './testing/use-fake-vscode.ts'

useFakeVscode()
const { activate } = await import('./extension.ts')
const { COMMANDS } = await import('./commands/ids.ts')
const { extensionContext, fake } = await import('./testing/fake-vscode.ts')

/** Every HTTP request and child process of this process, in order (a process is named once it has spawned). */
const started: (() => string)[] = []
const activity = () => started.map((name) => name())
const listeners = {
  'undici:request:create': (m: unknown) => {
    const path = (m as { request: { path: string } }).request.path
    started.push(() => `http ${path}`)
  },
  'http.client.request.start': (m: unknown) => {
    const path = (m as { request: { path: string } }).request.path
    started.push(() => `http ${path}`)
  },
  child_process: (m: unknown) => {
    const child = (m as { process: { spawnfile: string | null } }).process
    started.push(() => `process ${child.spawnfile}`)
  },
}

const production: EnvStatus = {
  env: 'production',
  current: '1.0.0',
  previous: null,
  freeze: { env: 'production', frozen: false, manual: null, activeWindows: [] },
  lock: null,
  health: null,
}

/** A stand-in for `rina serve` on a loopback port: a status answer and an event stream held open. */
const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/v1/events')) {
    res.writeHead(200, { 'content-type': 'text/event-stream' }).write(': open\n\n')
  } else if (req.url?.startsWith('/api/v1/status')) {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ environments: [production] }))
  } else res.writeHead(404).end()
})
const seen: string[] = []
server.on('request', (req: { url?: string }) => seen.push(req.url ?? ''))

let dir = ''
let context: ReturnType<typeof extensionContext>

/** Lets every promise chain started so far run out (they wait on nothing but each other and the fake). */
const settle = () => new Promise((resolve) => setImmediate(resolve))

/** Polls until `probe` holds (real timers by then); the test runner's timeout ends a wait that never does. */
async function until(probe: () => boolean): Promise<void> {
  while (!probe()) await new Promise((resolve) => setTimeout(resolve, 5))
}

before(async () => {
  for (const [name, listener] of Object.entries(listeners)) subscribe(name, listener)
  dir = mkdtempSync(join(tmpdir(), 'rina-vscode-activate-'))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
})
after(async () => {
  for (const [name, listener] of Object.entries(listeners)) unsubscribe(name, listener)
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => {
  fake.reset()
  fake.settings['rinawarp.serverUrl'] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  fake.folders = [dir]
  context = extensionContext({ 'rinawarp.token': 'rwd_test_token' })
  started.length = 0
  seen.length = 0
  mock.timers.enable({ apis: ['setTimeout'] })
})
afterEach(() => {
  mock.timers.reset()
  for (const d of context.subscriptions) d.dispose()
})

const start = () => activate(context as unknown as vscode.ExtensionContext)

describe('activate', () => {
  it('registers the commands and the status bar item and makes no request nor process when it runs', async () => {
    const api = start()
    assert.deepEqual(activity(), [], 'nothing before activate returned')
    await settle()
    assert.deepEqual(activity(), [], 'nothing from what activate left running')
    const ids = Object.values(COMMANDS).map((c) => c.id)
    assert.deepEqual([...fake.commands.keys()].sort(), [...ids].sort())
    assert.deepEqual([...api.registered].sort(), [...ids].sort())
    assert.deepEqual(
      fake.statusBarItems.map((i) => [i.id, i.visible, i.command]),
      [['rinawarp.status', true, 'rinawarp.openPanel']],
    )
  })

  it('starts the status stream and a preflight on the first tick after it returns', async () => {
    const api = start()
    await settle()
    mock.timers.tick(0)
    mock.timers.reset()
    await until(() => api.statusBar.text.includes('production open'))
    assert.deepEqual(seen.map((u) => u.split('?')[0]).sort(), ['/api/v1/events', '/api/v1/status'])
    assert.ok(
      activity().includes('process git'),
      `preflight reads the working tree: ${activity().join(', ')}`,
    )
  })

  it('leaves preflight to saves and the command when preflightOnSave is off', async () => {
    fake.settings['rinawarp.preflightOnSave'] = false
    const api = start()
    mock.timers.tick(0)
    mock.timers.reset()
    await until(() => api.statusBar.text.includes('production open'))
    assert.equal(activity().includes('process git'), false)
    await fake.commands.get(COMMANDS.preflight.id)!()
    assert.ok(activity().includes('process git'))
  })

  it('never starts the deferred work when the extension is disposed before the first tick', async () => {
    start()
    for (const d of context.subscriptions.splice(0)) d.dispose()
    mock.timers.runAll()
    mock.timers.reset()
    await settle()
    assert.deepEqual(activity(), [])
    assert.deepEqual([...fake.commands.keys()], [], 'every command is unregistered')
  })
})
