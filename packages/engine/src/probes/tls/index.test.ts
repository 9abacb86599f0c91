import assert from 'node:assert/strict'
import { createSecureContext, createServer } from 'node:tls'
import { after, before, describe, it } from 'node:test'
import { probeContext, runProbeConformance } from '../../testing/probe.conformance.ts'
import { type SwitchableServer, startSwitchableServer } from '../../testing/switchable-server.ts'
import { selfSignedCertificate } from '../../testing/tls-certificate.ts'
import { tlsProbe } from './index.ts'
import { tlsProbeSchema } from './schema.ts'

const DAY_MS = 86_400_000
const cert = await selfSignedCertificate(30)
const EXPIRES = cert.validTo.toISOString().slice(0, 10)
/** A clock that many days (and a half) before the certificate expires. */
const daysBefore = (days: number) => () => new Date(cert.validTo.getTime() - days * DAY_MS - DAY_MS / 2)

/** A real TLS server with the test certificate; it records the SNI names clients send (read from the hello). */
async function startTlsServer(): Promise<{ server: SwitchableServer; names: string[] }> {
  const names: string[] = []
  const context = createSecureContext({ key: cert.key, cert: cert.cert })
  const inner = createServer(
    {
      key: cert.key,
      cert: cert.cert,
      SNICallback: (name, done) => {
        names.push(name)
        done(null, context)
      },
    },
    (socket) => socket.end(),
  )
  return { server: await startSwitchableServer(inner), names }
}

const config = (port: number, over: Record<string, unknown> = {}) =>
  tlsProbeSchema.parse({ name: 'cert', type: 'tls', host: '127.0.0.1', port, ...over })

runProbeConformance({
  name: 'tls',
  async createTarget() {
    const { server } = await startTlsServer()
    return {
      config: config(server.port, { allowUnauthorized: true }),
      context: { now: daysBefore(20) },
      set: (mode) => server.set(mode),
      close: () => server.close(),
    }
  },
})

describe('tlsProbe', () => {
  let target: Awaited<ReturnType<typeof startTlsServer>>
  before(async () => void (target = await startTlsServer()))
  after(() => target.server.close())
  const observe = (over: Record<string, unknown>, now: () => Date) =>
    tlsProbe.observe(config(target.server.port, over), probeContext({ now }))

  it('reports the days left and the trust error it allows when the certificate is self-signed', async () => {
    const seen = await observe({ allowUnauthorized: true }, daysBefore(20))
    assert.equal(seen.ok, true)
    assert.equal(
      seen.detail,
      `certificate expires in 20 days (${EXPIRES}); not trusted: certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT) (allowed)`,
    )
    assert.deepEqual(seen.values, {
      daysLeft: 20,
      validTo: cert.validTo.toISOString(),
      subject: 'localhost',
      issuer: 'localhost',
      authorized: false,
      authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    })
  })

  it('fails under minDays when the certificate expires soon', async () => {
    const seen = await observe({ allowUnauthorized: true, minDays: 14 }, daysBefore(10))
    assert.equal(seen.ok, false)
    assert.equal(seen.detail, `certificate expires in 10 days (${EXPIRES}), under the 14-day minimum`)
  })

  it('passes at exactly minDays when that many whole days remain', async () => {
    assert.equal((await observe({ allowUnauthorized: true, minDays: 10 }, daysBefore(10))).ok, true)
  })

  it('fails when the certificate has expired', async () => {
    const seen = await observe({ allowUnauthorized: true }, () => new Date(cert.validTo.getTime() + DAY_MS))
    assert.deepEqual([seen.ok, seen.values?.daysLeft], [false, -1])
    assert.equal(seen.detail, `certificate expired on ${EXPIRES}`)
  })

  it('fails on the trust error when allowUnauthorized is off', async () => {
    const seen = await observe({}, daysBefore(20))
    assert.deepEqual(
      [seen.ok, seen.detail],
      [false, 'not trusted: certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)'],
    )
  })

  it('sends the configured servername when one is set', async () => {
    target.names.length = 0
    await observe({ allowUnauthorized: true, servername: 'localhost' }, daysBefore(20))
    assert.deepEqual(target.names, ['localhost'])
  })

  it('sends no servername when the host is an IP address and none is set', async () => {
    target.names.length = 0
    await observe({ allowUnauthorized: true }, daysBefore(20))
    assert.deepEqual(target.names, [])
  })
})
