/**
 * @module Checks one artifact named by an update feed: that its URL answers (HEAD, falling back to a one-byte
 * ranged GET for servers that refuse HEAD), or, when asked, that its full download has the feed's sha512 and
 * size. Never throws: a failure is a line a person reads.
 */
import { createHash } from 'node:crypto'
import { describeNetworkError } from '../observation.ts'
import type { FeedFile } from './feed.ts'

export type ArtifactCheck =
  { ok: true; status: number } | { ok: false; status: number | null; detail: string }

const HEADERS = { 'user-agent': 'rinawarp-deploy-probe' }

/** The artifact answers: HEAD 2xx, or a ranged GET 200/206 when HEAD is refused (405, 501, 403, …). */
export async function reachArtifact(url: URL, signal: AbortSignal): Promise<ArtifactCheck> {
  const name = shortName(url)
  try {
    const head = await fetch(url, { method: 'HEAD', headers: HEADERS, signal })
    if (head.ok) return { ok: true, status: head.status }
    if (head.status === 404 || head.status === 410) return notThere(name, head.status)
    const ranged = await fetch(url, { headers: { ...HEADERS, range: 'bytes=0-0' }, signal })
    await ranged.body?.cancel().catch(() => {})
    return ranged.ok ? { ok: true, status: ranged.status } : notThere(name, ranged.status)
  } catch (e) {
    return { ok: false, status: null, detail: `artifact ${name}: ${describeNetworkError(e)}` }
  }
}

/** Downloads the artifact and compares its base64 sha512 (and size, when the feed gives one). */
export async function verifyArtifact(url: URL, file: FeedFile, signal: AbortSignal): Promise<ArtifactCheck> {
  const name = shortName(url)
  if (file.sha512 === null) return { ok: false, status: null, detail: `feed gives no sha512 for ${name}` }
  try {
    const res = await fetch(url, { headers: HEADERS, signal })
    if (!res.ok || res.body === null) {
      await res.body?.cancel().catch(() => {})
      return notThere(name, res.status)
    }
    const hash = createHash('sha512')
    let size = 0
    const reader = res.body.getReader()
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      hash.update(r.value)
      size += r.value.byteLength
    }
    if (file.size !== null && size !== file.size) {
      return {
        ok: false,
        status: res.status,
        detail: `artifact ${name} is ${size} bytes, feed says ${file.size}`,
      }
    }
    if (hash.digest('base64') !== file.sha512) {
      return { ok: false, status: res.status, detail: `artifact ${name} sha512 does not match the feed` }
    }
    return { ok: true, status: res.status }
  } catch (e) {
    return { ok: false, status: null, detail: `artifact ${name}: ${describeNetworkError(e)}` }
  }
}

function notThere(name: string, status: number): ArtifactCheck {
  return { ok: false, status, detail: `artifact ${name} answered ${status}` }
}

function shortName(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1)
  if (!last) return url.href
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}
