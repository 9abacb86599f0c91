/**
 * @module HMAC-SHA256 signing of webhook bodies and the verification helper for receivers. The header reads
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`; a receiver rejects a timestamp outside its tolerance,
 * which stops replays of a captured request.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'X-Rina-Signature'
export const TIMESTAMP_HEADER = 'X-Rina-Timestamp'

export type SignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'expired' | 'mismatch' }

export function signatureHex(body: string, timestamp: number, secret: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

export function signatureHeader(body: string, timestamp: number, secret: string): string {
  return `t=${timestamp},v1=${signatureHex(body, timestamp, secret)}`
}

/**
 * Checks a received body against its X-Rina-Signature header. `now` is the receiver's clock; requests signed
 * more than `toleranceSec` away from it are rejected as replays. Several v1 entries are accepted (key rotation).
 */
export function verifyWebhookSignature(
  body: string,
  header: string | null | undefined,
  secret: string,
  now: Date | number,
  toleranceSec = 300,
): SignatureCheck {
  if (!header) return { ok: false, reason: 'missing' }
  const parts = header.split(',').map((p) => p.trim().split('='))
  const t = parts.find(([k]) => k === 't')?.[1]
  const sigs = parts
    .filter(([k, v]) => k === 'v1' && v !== undefined && /^[0-9a-f]{64}$/i.test(v))
    .map(([, v]) => v!)
  if (t === undefined || !/^\d+$/.test(t) || sigs.length === 0) return { ok: false, reason: 'malformed' }
  const timestamp = Number(t)
  const nowSec = (typeof now === 'number' ? now : now.getTime()) / 1000
  if (Math.abs(nowSec - timestamp) > toleranceSec) return { ok: false, reason: 'expired' }
  const expected = Buffer.from(signatureHex(body, timestamp, secret), 'hex')
  const match = sigs.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected))
  return match ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' }
}
