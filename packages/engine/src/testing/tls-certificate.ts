/**
 * @module A self-signed certificate for TLS tests, made with the `openssl` CLI at test time: an EC P-256 key,
 * CN=localhost with localhost and 127.0.0.1 as subject alternative names, valid for the chosen number of days.
 */
import { execFile } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

export interface TestCertificate {
  key: string
  cert: string
  /** When the certificate stops being valid, as the certificate says. */
  validTo: Date
}

const run = promisify(execFile)

export async function selfSignedCertificate(days: number): Promise<TestCertificate> {
  const dir = await mkdtemp(join(tmpdir(), 'rina-cert-'))
  try {
    const keyPath = join(dir, 'key.pem')
    const certPath = join(dir, 'cert.pem')
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      String(days),
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ])
    const [key, cert] = await Promise.all([readFile(keyPath, 'utf8'), readFile(certPath, 'utf8')])
    return { key, cert, validTo: new Date(new X509Certificate(cert).validTo) }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
