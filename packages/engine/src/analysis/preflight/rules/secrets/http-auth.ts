/**
 * @module HTTP credentials written into commands and headers: `curl -u user:pass`, `-H "Api-Token: …"` and
 * `Authorization: Basic|Bearer …` in any syntax.
 */
import { charClasses } from './entropy.ts'
import { WEAK_PASSWORD, type Located } from './formats.ts'
import { randomEnough } from './generic.ts'
import { keyStrength } from './keywords.ts'
import { isPlaceholder } from './placeholder.ts'
import { LiteralSet, spellings, type TextHits } from './prefilter.ts'

const CURL_USER = /(?:^|\s)(?:-u|--user)[ \t]+(['"]?)([^\s'":]*):([^\s'"]*)\1/g
const AUTH_HEADER =
  /\bAuthorization["']?\s*[:=]\s*["']?(?:([A-Za-z][\w-]{1,20})[ \t]+)?([A-Za-z0-9+/=._~@-]{8,})/g

/** Literals that must occur on a line before these detectors look at it. */
export const HTTP_LITERALS = ['-u', '--user', '-H', '--header', ...spellings('authorization')]
const OWN = new LiteralSet(HTTP_LITERALS)

export function findHttpAuth(text: string, hits: TextHits = OWN.scan(text)): Located[] {
  const out: Located[] = []
  for (const [start, end] of hits.lines(['-u', '--user'])) curlUser(text.slice(start, end), start, out)
  for (const [start, end] of hits.lines(['-H', '--header'])) curlHeaders(text.slice(start, end), start, out)
  for (const [start, end] of hits.lines(spellings('authorization')))
    authHeaders(text.slice(start, end), start, out)
  return out
}

function curlUser(text: string, base: number, out: Located[]): void {
  CURL_USER.lastIndex = 0
  for (let m = CURL_USER.exec(text); m; m = CURL_USER.exec(text)) {
    const user = m[2] ?? ''
    const value = m[3] || user
    if (value.length < 4 || isPlaceholder(value) || WEAK_PASSWORD.test(value) || /^\$/.test(value)) continue
    out.push({
      kind: 'http-auth',
      label: 'credentials passed to curl',
      value,
      offset: base + m.index + m[0].indexOf(value),
    })
  }
}

function authHeaders(text: string, base: number, out: Located[]): void {
  AUTH_HEADER.lastIndex = 0
  for (let m = AUTH_HEADER.exec(text); m; m = AUTH_HEADER.exec(text)) {
    const scheme = (m[1] ?? '').toLowerCase()
    const value = m[2]!
    if (isPlaceholder(value)) continue
    const ok =
      scheme === 'basic' ? decodesToCredentials(value) || randomEnough(value, 16) : randomEnough(value, 12)
    if (ok)
      out.push({
        kind: 'http-auth',
        label: `${scheme || 'raw'} Authorization header`,
        value,
        offset: base + m.index + m[0].length - value.length,
      })
  }
}

const CURL_HEADER = /(?:^|\s)(?:-H|--header)[ \t]+(['"])([A-Za-z][\w-]{1,40}):[ \t]*([^\s'"]+)[ \t]*\1/g

/** `-H "X-Api-Key: …"`: a header whose name says it carries a credential, with a literal value. */
function curlHeaders(text: string, base: number, out: Located[]): void {
  CURL_HEADER.lastIndex = 0
  for (let m = CURL_HEADER.exec(text); m; m = CURL_HEADER.exec(text)) {
    const [, , name, value] = m as unknown as [string, string, string, string]
    const strength = keyStrength(name)
    if (/^authorization$/i.test(name) || (strength !== 'strong' && strength !== 'password')) continue
    if (value.length < 8 || charClasses(value) < 2 || isPlaceholder(value)) continue
    out.push({
      kind: 'http-auth',
      label: `credential in a "${name}" header`,
      value,
      offset: base + m.index + m[0].lastIndexOf(value),
    })
  }
}

function decodesToCredentials(b64: string): boolean {
  try {
    const s = atob(b64.replace(/[^A-Za-z0-9+/=]/g, ''))
    return /^[\x20-\x7e]+$/.test(s) && s.includes(':') && s.length >= 4
  } catch {
    return false
  }
}
