/** @module Bearer token check in constant time: both sides are hashed first, so neither length nor prefix leaks. */
import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest()

/** True when the Authorization header carries exactly `Bearer <token>`. */
export function bearerMatches(header: string | null, token: string): boolean {
  const m = header === null ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header)
  const given = m?.[1] ?? ''
  const same = timingSafeEqual(digest(given), digest(token))
  return m !== null && same
}
