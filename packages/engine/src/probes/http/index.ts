/**
 * @module The `http` probe: one request through global fetch, then the pure conditions judge the status, body,
 * JSON paths and latency. Records the status, the latency and a short body excerpt; a refused or reset
 * connection is an observation with ok:false, not a throw.
 */
import type { z } from 'zod'
import { judgeConditions } from '../conditions.ts'
import { aborted, describeNetworkError, failed, stopwatch } from '../observation.ts'
import { excerpt, readBodyText } from '../read-body.ts'
import type { Probe } from '../types.ts'
import type { httpProbeSchema } from './schema.ts'

export type HttpProbeConfig = z.output<typeof httpProbeSchema>

export const httpProbe: Probe<HttpProbeConfig> = {
  type: 'http',
  async observe(config, ctx) {
    if (ctx.signal.aborted) return aborted()
    const elapsed = stopwatch()
    let status: number
    let body: string
    try {
      const res = await fetch(config.url, {
        method: config.method,
        headers: { 'user-agent': 'rinawarp-deploy-probe', ...config.headers },
        body:
          config.body !== undefined && config.method !== 'GET' && config.method !== 'HEAD'
            ? config.body
            : null,
        signal: ctx.signal,
      })
      status = res.status
      body = await readBodyText(res)
    } catch (e) {
      const latencyMs = elapsed()
      return ctx.signal.aborted ? aborted(latencyMs) : failed(describeNetworkError(e), latencyMs)
    }
    const latencyMs = elapsed()
    const values = { status, body: excerpt(body) }
    const problems = judgeConditions({ status, body, latencyMs }, config.expect)
    if (problems.length > 0) return failed(problems.map((p) => p.message).join('; '), latencyMs, values)
    return { ok: true, latencyMs, detail: `${status} in ${Math.round(latencyMs)} ms`, values }
  },
}
