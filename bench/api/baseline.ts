/**
 * @module The baseline server for the API benchmark: bare node:http answering fixed JSON bodies of the same size as
 * the API's (no auth, no store, no framework), and a bare SSE broadcaster. Run as its own process.
 *   node --import tsx bench/api/baseline.ts BODIES.json   → prints the port
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const bodies = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Record<string, string>
const clients = new Set<ServerResponse>()

const server = createServer((req, res) => {
  const body = bodies[req.url ?? '']
  if (body !== undefined) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    return res.end(body)
  }
  if (req.url === '/sse') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
    res.write('retry: 2000\n\n')
    clients.add(res)
    req.on('close', () => clients.delete(res))
    return
  }
  if (req.url === '/emit' && req.method === 'POST') {
    const frame = `event: journal\ndata: ${JSON.stringify({ time: new Date().toISOString() })}\n\n`
    for (const c of clients) c.write(frame)
    res.writeHead(204)
    return res.end()
  }
  res.writeHead(404)
  res.end()
})
server.listen(0, '127.0.0.1', () => console.log(`port ${(server.address() as AddressInfo).port}`))
process.on('SIGTERM', () => {
  for (const c of clients) c.destroy()
  server.close(() => process.exit(0))
})
