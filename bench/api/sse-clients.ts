/**
 * @module Many SSE clients over plain node:http (one socket each): counts connected clients and records, for each
 * journal frame received, the lag from the event's time (stamped at append) to its receipt.
 */
import { Agent, request } from 'node:http'
import type { ClientRequest } from 'node:http'
import { sseParser } from '../../packages/server/src/testing/sse-reader.ts'

export interface Fleet {
  /** Lags in ms, one per (client, journal frame). */
  lags: number[]
  /** Journal frames received per client. */
  received: number[]
  close(): void
}

export async function openFleet(url: string, headers: Record<string, string>, count: number): Promise<Fleet> {
  const agent = new Agent({ keepAlive: false, maxSockets: Infinity })
  const lags: number[] = []
  const received = new Array<number>(count).fill(0)
  const requests: ClientRequest[] = []
  await Promise.all(
    Array.from(
      { length: count },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const req = request(url, { agent, headers }, (res) => {
            if (res.statusCode !== 200) return reject(new Error(`SSE client ${i}: HTTP ${res.statusCode}`))
            res.setEncoding('utf8')
            const parser = sseParser((f) => {
              if (f.event === 'live') return resolve()
              if (f.event !== 'journal') return
              const now = Date.now()
              lags.push(now - Date.parse((JSON.parse(f.data) as { time: string }).time))
              received[i]!++
            })
            res.on('data', (chunk: string) => parser.push(chunk))
            // The baseline server sends no "live" frame: its stream is live at once.
            if (!url.includes('/api/')) resolve()
          })
          req.on('error', reject)
          req.end()
          requests.push(req)
        }),
    ),
  )
  return {
    lags,
    received,
    close() {
      for (const r of requests) r.destroy()
      agent.destroy()
    },
  }
}
