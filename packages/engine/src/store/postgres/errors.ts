/** @module Maps PostgreSQL driver failures to RinaError: an unreachable database is STORE_UNAVAILABLE, not a bug. */
import { RinaError } from '../../errors.ts'

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EPIPE',
])

/** SQLSTATE classes and codes meaning "the database is not there for us right now". */
function isUnavailable(code: string): boolean {
  return (
    code.startsWith('08') || // connection exception
    code.startsWith('28') || // invalid authorization
    code === '3D000' || // database does not exist
    code === '53300' || // too many connections
    code === '57P01' || // admin shutdown
    code === '57P02' || // crash shutdown
    code === '57P03' // cannot connect now
  )
}

/** Where the store points, without credentials, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`
  } catch {
    return 'the configured PostgreSQL URL'
  }
}

export function storeError(err: unknown, url: string): unknown {
  if (err instanceof RinaError) return err
  const e = err as { code?: unknown; message?: unknown } | null
  const code = typeof e?.code === 'string' ? e.code : ''
  const message = typeof e?.message === 'string' ? e.message : String(err)
  const timedOut = /timeout/i.test(message) && /connect/i.test(message)
  const terminated = /Connection terminated/i.test(message)
  if (NETWORK_CODES.has(code) || isUnavailable(code) || timedOut || terminated) {
    return new RinaError({
      code: 'STORE_UNAVAILABLE',
      message: `PostgreSQL at ${describeUrl(url)} is not available: ${message}`,
      hint: 'check that the server runs and accepts this user and database (store.url in rina.yml)',
      cause: err,
    })
  }
  return err
}

/** Runs a store operation, translating driver failures. */
export async function guarded<T>(url: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (e) {
    throw storeError(e, url)
  }
}
