import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import { describe, it } from 'node:test'
import { closedPort } from '../../testing/http-receiver.ts'
import { probeContext, runProbeConformance } from '../../testing/probe.conformance.ts'
import { startSwitchableServer } from '../../testing/switchable-server.ts'
import { tcpProbe } from './index.ts'
import { tcpProbeSchema } from './schema.ts'

/**
 * A listener whose process never accepts (its event loop is blocked) and whose accept queue is full: the kernel
 * drops further SYNs, so a connect to it hangs. The only way to make a TCP connect hang on loopback.
 */
async function startStalledListener(): Promise<{ port: number; close: () => void }> {
  const script =
    "const s=require('net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>{" +
    'console.log(s.address().port);Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0)})'
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = Number(
    await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d)))),
  )
  // A backlog of 1 holds two established connections; after them the queue is full.
  const fillers = [connect(port, '127.0.0.1'), connect(port, '127.0.0.1')]
  await Promise.all(fillers.map((f) => new Promise((resolve) => f.once('connect', resolve))))
  return {
    port,
    close: () => {
      for (const f of fillers) f.destroy()
      child.kill('SIGKILL')
    },
  }
}

runProbeConformance({
  name: 'tcp',
  async createTarget() {
    const server = await startSwitchableServer()
    let stalled: { port: number; close: () => void } | null = null
    const at = (port: number) => tcpProbeSchema.parse({ name: 'port', type: 'tcp', host: '127.0.0.1', port })
    return {
      get config() {
        return at(server.mode() === 'hang' && stalled ? stalled.port : server.port)
      },
      async set(mode) {
        if (mode === 'hang') stalled ??= await startStalledListener()
        await server.set(mode)
      },
      async close() {
        stalled?.close()
        await server.close()
      },
    }
  },
})

describe('tcpProbe', () => {
  it('passes naming the address when the port accepts connections', async () => {
    const server = await startSwitchableServer()
    try {
      const seen = await tcpProbe.observe(
        tcpProbeSchema.parse({ name: 'port', type: 'tcp', host: '127.0.0.1', port: server.port }),
        probeContext(),
      )
      assert.equal(seen.ok, true)
      assert.match(seen.detail, new RegExp(`^connected to 127\\.0\\.0\\.1:${server.port} in \\d+ ms$`))
      assert.equal(server.connections(), 1)
    } finally {
      await server.close()
    }
  })

  it('observes a refused connection with its reason when nothing listens', async () => {
    const port = await closedPort()
    const seen = await tcpProbe.observe(
      tcpProbeSchema.parse({ name: 'port', type: 'tcp', host: '127.0.0.1', port }),
      probeContext(),
    )
    assert.deepEqual([seen.ok, seen.detail], [false, 'connection refused (ECONNREFUSED)'])
  })
})
