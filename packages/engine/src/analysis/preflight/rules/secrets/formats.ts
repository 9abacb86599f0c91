/**
 * @module Secrets recognized by their surroundings rather than their prefix: private key blocks, credentials in
 * URLs and connection strings, and data in Kubernetes Secret manifests.
 */
import { isPlaceholder } from './placeholder.ts'
import { LiteralSet, type TextHits } from './prefilter.ts'

export interface Located {
  kind: string
  label: string
  value: string
  offset: number
  /** Offset where the secret ends, when it spans lines. */
  endOffset?: number
}

const KEY_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,3})PRIVATE KEY(?: BLOCK)?-----/g
const PUTTY = /PuTTY-User-Key-File-\d: /g

/** Literals these detectors need on a line (or in a text) before they look further. */
export const FORMAT_LITERALS = ['PRIVATE KEY', 'PuTTY-User-Key', '://', 'kind:', 'Kind:', 'KIND:']
const OWN = new LiteralSet(FORMAT_LITERALS)

export function findPrivateKeys(text: string, hits: TextHits = OWN.scan(text)): Located[] {
  const out: Located[] = []
  if (!hits.has('PRIVATE KEY', 'PuTTY-User-Key')) return out
  KEY_BEGIN.lastIndex = 0
  for (let m = KEY_BEGIN.exec(text); m; m = KEY_BEGIN.exec(text)) {
    const bodyStart = m.index + m[0].length
    const endAt = text.indexOf('-----END', bodyStart)
    const stop = endAt < 0 ? Math.min(text.length, bodyStart + 4000) : endAt
    const body = text
      .slice(bodyStart, stop)
      .replace(/\\[nr]/g, '')
      .replace(/^[A-Za-z-]+: .*$/gm, '')
    const b64 = body.replace(/[^A-Za-z0-9+/=]/g, '')
    if (b64.length < 40 || new Set(b64).size < 16 || /x{4}|\*{3}|\.{3}|<[^>]*>/i.test(body)) continue
    const encrypted = /ENCRYPTED/.test(m[1] ?? '') || /Proc-Type: 4,ENCRYPTED/.test(body)
    const label = `${encrypted ? 'encrypted ' : ''}${(m[1] ?? '').trim() || 'PKCS#8'} private key`
    out.push({ kind: 'private-key', label, value: b64.slice(0, 64), offset: m.index, endOffset: stop })
  }
  PUTTY.lastIndex = 0
  for (let m = PUTTY.exec(text); m; m = PUTTY.exec(text)) {
    const priv = text.indexOf('Private-Lines:', m.index)
    if (priv > 0)
      out.push({
        kind: 'private-key',
        label: 'PuTTY private key',
        value: 'PuTTY',
        offset: m.index,
        endOffset: priv,
      })
  }
  return out
}

const URL_CRED =
  /\b([a-z][a-z0-9+.-]{1,24}):\/\/([^\s:@/'"`<>{}]{1,128}):([^\s@/'"`<>]{1,256})@([A-Za-z0-9._-]+)/gi
export const WEAK_PASSWORD =
  /^(?:my)?(?:pass(?:word)?|passwd|pwd|secret|pw|pass\d*|password\d*|admin|root|user|guest|test|changeme|\*+|x+)$/i

export function findUrlCredentials(text: string, hits: TextHits = OWN.scan(text)): Located[] {
  const out: Located[] = []
  for (const [start, end] of hits.lines(['://'])) urlCredentials(text.slice(start, end), start, out)
  return out
}

function urlCredentials(text: string, base: number, out: Located[]): void {
  if (!text.includes('@')) return
  URL_CRED.lastIndex = 0
  for (let m = URL_CRED.exec(text); m; m = URL_CRED.exec(text)) {
    const [, scheme, user, pass, host] = m as unknown as [string, string, string, string, string]
    if (
      pass.length < 4 ||
      pass === user ||
      WEAK_PASSWORD.test(pass) ||
      isPlaceholder(pass) ||
      isPlaceholder(user)
    )
      continue
    if (new Set(pass).size <= 2) continue
    if (/^\$|^%|^\{/.test(pass) || /^(?:example|host|hostname|server|domain)\b/i.test(host)) continue
    const offset = base + m.index + m[0].length - host.length - 1 - pass.length
    out.push({
      kind: 'url-credentials',
      label: `credentials in a ${scheme.toLowerCase()} URL`,
      value: pass,
      offset,
    })
  }
}

const KIND_SECRET = /^[ \t]*kind:[ \t]*["']?secret["']?[ \t]*$/im
const DATA_SECTION = /^([ \t]*)(data|stringData):[ \t]*$/gm
const DOC_SEPARATOR = /^---[ \t]*$/m

/** Values under data/stringData of a manifest whose kind is Secret (not SopsSecret, ExternalSecret …). */
export function findKubernetesSecrets(text: string, hits: TextHits = OWN.scan(text)): Located[] {
  const out: Located[] = []
  if (!hits.has('kind:', 'Kind:', 'KIND:') || !KIND_SECRET.test(text)) return out
  let base = 0
  for (const doc of text.split(DOC_SEPARATOR)) {
    if (KIND_SECRET.test(doc))
      for (const f of secretDocument(doc)) out.push({ ...f, offset: f.offset + base })
    base += doc.length + 4
  }
  return out
}

function secretDocument(text: string): Located[] {
  const out: Located[] = []
  DATA_SECTION.lastIndex = 0
  for (let m = DATA_SECTION.exec(text); m; m = DATA_SECTION.exec(text)) {
    const indent = m[1]!.replace(/\t/g, '    ').length
    const lines = text.slice(m.index + m[0].length + 1).split('\n')
    let offset = m.index + m[0].length + 1
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      const lineOffset = offset
      offset += line.length + 1
      if (line.trim() === '' || /^\s*#/.test(line)) continue
      const ind = /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length
      if (ind <= indent) break
      const kv = /^[ \t]*([\w.-]+):[ \t]*(.*)$/.exec(line)
      if (!kv) continue
      let value = kv[2]!.replace(/^["']|["']$/g, '').trim()
      if (value === '|' || value === '>' || value === '|-' || value === '>-')
        value = (lines[i + 1] ?? '').trim()
      if (!secretData(value, m[2] === 'data')) continue
      out.push({
        kind: 'kubernetes-secret',
        label: `Kubernetes Secret data "${kv[1]}"`,
        value,
        offset: lineOffset,
      })
    }
  }
  return out
}

function secretData(v: string, base64: boolean): boolean {
  if (v.length === 0 || /\{\{|\$\{|^ENC\[/.test(v)) return false
  if (!base64) return v.length >= 6 && !isPlaceholder(v)
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return false
  return Math.floor((v.replace(/=+$/, '').length * 3) / 4) >= 6
}
