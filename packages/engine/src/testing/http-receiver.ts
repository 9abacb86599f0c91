/**
 * @module A real local HTTP receiver for notifier tests (node:http on 127.0.0.1, port 0). Replies are scripted:
 * a status with headers and body, `hang` (hold the request open, never answer) or `echo` (a 400 that repeats
 * everything it received, to prove a notifier scrubs secrets from failure details).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export type Reply = { status: number; headers?: Record<string, string>; body?: string } | 'hang' | 'echo'

export interface ReceivedRequest {
  method: string
  path: string
  headers: IncomingHttpHeaders
  body: string
  /** Which reply it got. */
  reply: Reply
}

export interface HttpReceiver {
  /** Base URL, e.g. http://127.0.0.1:43121 */
  readonly url: string
  readonly requests: ReceivedRequest[]
  /** Replies for the next requests, in order; afterwards the default reply applies. */
  script(...replies: Reply[]): void
  setDefault(reply: Reply): void
  /** Resolves once `count` requests have arrived in total; rejects after `timeoutMs` (default 60 s) saying so. */
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>
  close(): Promise<void>
}

export async function startHttpReceiver(
  defaultReply: Reply = { status: 200, body: 'ok' },
): Promise<HttpReceiver> {
  const requests: ReceivedRequest[] = []
  const queue: Reply[] = []
  const waiters: { count: number; resolve: (r: ReceivedRequest[]) => void }[] = []
  let fallback = defaultReply

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const reply = queue.shift() ?? fallback
      const got = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push({ ...got, reply })
      for (const w of waiters.filter((x) => requests.length >= x.count)) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve([...requests])
      }
      if (reply === 'hang') return
      if (reply === 'echo') {
        res.writeHead(400, { 'content-type': 'text/plain' })
        res.end(`rejected ${got.method} ${got.path} ${JSON.stringify(got.headers)} ${got.body}`)
        return
      }
      res.writeHead(reply.status, reply.headers ?? {})
      res.end(reply.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => void queue.push(...replies),
    setDefault: (reply) => void (fallback = reply),
    waitForRequests: (count, timeoutMs = 60_000) =>
      requests.length >= count
        ? Promise.resolve([...requests])
        : new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
              const i = waiters.indexOf(waiter)
              if (i >= 0) waiters.splice(i, 1)
              reject(new Error(`${requests.length} of ${count} requests arrived within ${timeoutMs} ms`))
            }, timeoutMs)
            const waiter = {
              count,
              resolve: (r: ReceivedRequest[]) => {
                clearTimeout(timer)
                resolve(r)
              },
            }
            waiters.push(waiter)
          }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A local port with nothing listening on it: connections are refused. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
