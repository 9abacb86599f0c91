/**
 * @module The `tcp` probe: passes when a TCP connection to host:port opens. The socket is closed at once; a
 * refused connection is an observation with ok:false, and ctx.signal abandons a connect that is under way.
 */
import { connect } from 'node:net'
import type { z } from 'zod'
import { aborted, describeNetworkError, stopwatch } from '../observation.ts'
import type { Observation, Probe } from '../types.ts'
import type { tcpProbeSchema } from './schema.ts'

export type TcpProbeConfig = z.output<typeof tcpProbeSchema>

export const tcpProbe: Probe<TcpProbeConfig> = {
  type: 'tcp',
  observe(config, ctx) {
    if (ctx.signal.aborted) return Promise.resolve(aborted())
    const elapsed = stopwatch()
    return new Promise<Observation>((resolve) => {
      const socket = connect({ host: config.host, port: config.port })
      const finish = (o: Observation) => {
        ctx.signal.removeEventListener('abort', onAbort)
        socket.destroy()
        resolve(o)
      }
      const onAbort = () => finish(aborted(elapsed()))
      ctx.signal.addEventListener('abort', onAbort, { once: true })
      socket.once('connect', () => {
        const latencyMs = elapsed()
        finish({
          ok: true,
          latencyMs,
          detail: `connected to ${config.host}:${config.port} in ${Math.round(latencyMs)} ms`,
          values: { address: socket.remoteAddress ?? config.host, port: config.port },
        })
      })
      socket.once('error', (e) =>
        finish({ ok: false, latencyMs: elapsed(), detail: describeNetworkError(e) }),
      )
    })
  },
}
