/**
 * @module The `tls` probe: connects with node:tls (SNI from `servername` or the host name), reads the peer
 * certificate and counts whole days until its `valid_to` from ctx.now(). Fails under `minDays`, and when the
 * certificate does not verify unless `allowUnauthorized` is set (the error is reported either way).
 */
import { isIP } from 'node:net'
import { connect, type PeerCertificate } from 'node:tls'
import type { z } from 'zod'
import { aborted, describeErrorCode, describeNetworkError, failed, stopwatch } from '../observation.ts'
import type { Observation, Probe, ProbeContext } from '../types.ts'
import type { tlsProbeSchema } from './schema.ts'

export type TlsProbeConfig = z.output<typeof tlsProbeSchema>

const DAY_MS = 86_400_000

export const tlsProbe: Probe<TlsProbeConfig> = {
  type: 'tls',
  observe(config, ctx) {
    if (ctx.signal.aborted) return Promise.resolve(aborted())
    const elapsed = stopwatch()
    const servername = config.servername ?? (isIP(config.host) === 0 ? config.host : undefined)
    return new Promise<Observation>((resolve) => {
      const socket = connect({
        host: config.host,
        port: config.port,
        ...(servername === undefined ? {} : { servername }),
        rejectUnauthorized: false,
      })
      const finish = (o: Observation) => {
        ctx.signal.removeEventListener('abort', onAbort)
        socket.destroy()
        resolve(o)
      }
      const onAbort = () => finish(aborted(elapsed()))
      ctx.signal.addEventListener('abort', onAbort, { once: true })
      socket.once('secureConnect', () => {
        const latencyMs = elapsed()
        const authError = socket.authorized ? null : String(socket.authorizationError ?? 'not authorized')
        finish(judgeCertificate(socket.getPeerCertificate(), authError, config, ctx, latencyMs))
      })
      socket.once('error', (e) => finish(failed(describeNetworkError(e), elapsed())))
    })
  },
}

function judgeCertificate(
  cert: PeerCertificate,
  authError: string | null,
  config: TlsProbeConfig,
  ctx: ProbeContext,
  latencyMs: number,
): Observation {
  const validTo = Date.parse(cert.valid_to ?? '')
  if (Number.isNaN(validTo)) return failed('the server sent no certificate with an expiry date', latencyMs)
  const now = ctx.now().getTime()
  const daysLeft = Math.floor((validTo - now) / DAY_MS)
  const values = {
    daysLeft,
    validTo: new Date(validTo).toISOString(),
    subject: cert.subject?.CN ?? null,
    issuer: cert.issuer?.CN ?? null,
    authorized: authError === null,
    ...(authError === null ? {} : { authorizationError: authError }),
  }
  const date = new Date(validTo).toISOString().slice(0, 10)
  const expired = validTo <= now
  const expiry = expired
    ? `certificate expired on ${date}`
    : `certificate expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${date})`
  const problems: string[] = []
  if (expired) problems.push(expiry)
  else if (daysLeft < config.minDays) problems.push(`${expiry}, under the ${config.minDays}-day minimum`)
  const trust = authError === null ? '' : `not trusted: ${describeErrorCode(authError)}`
  if (trust && !config.allowUnauthorized) problems.push(trust)
  if (problems.length > 0) return failed(problems.join('; '), latencyMs, values)
  return { ok: true, latencyMs, detail: trust ? `${expiry}; ${trust} (allowed)` : expiry, values }
}
