/**
 * @module Reads an electron-builder update feed (latest.yml, latest-mac.yml, latest-linux.yml): version,
 * files [{ url, sha512, size }], the older top-level path/sha512 pair, releaseDate. Pure: text in, feed out.
 */
import { parse } from 'yaml'

export interface FeedFile {
  url: string
  sha512: string | null
  size: number | null
}

export interface Feed {
  version: string
  files: FeedFile[]
  releaseDate: string | null
}

export function parseFeed(text: string): { ok: true; feed: Feed } | { ok: false; error: string } {
  let doc: unknown
  try {
    doc = parse(text)
  } catch (e) {
    return { ok: false, error: `feed is not YAML: ${firstLine(e)}` }
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return {
      ok: false,
      error: 'feed is not an electron-builder feed (expected a mapping with version and files)',
    }
  }
  const d = doc as Record<string, unknown>
  if (typeof d.version !== 'string' && typeof d.version !== 'number') {
    return { ok: false, error: 'feed has no version' }
  }
  const files = Array.isArray(d.files) ? d.files.flatMap(toFile) : []
  if (files.length === 0 && typeof d.path === 'string') {
    files.push({ url: d.path, sha512: typeof d.sha512 === 'string' ? d.sha512 : null, size: null })
  }
  const releaseDate = typeof d.releaseDate === 'string' ? d.releaseDate : null
  return { ok: true, feed: { version: String(d.version), files, releaseDate } }
}

function toFile(item: unknown): FeedFile[] {
  if (item === null || typeof item !== 'object') return []
  const f = item as Record<string, unknown>
  if (typeof f.url !== 'string' || f.url.length === 0) return []
  return [
    {
      url: f.url,
      sha512: typeof f.sha512 === 'string' ? f.sha512 : null,
      size: typeof f.size === 'number' ? f.size : null,
    },
  ]
}

/** A version without surrounding space or a leading "v": "v1.2.0" and "1.2.0" are the same release. */
export function normalizeVersion(v: string): string {
  return v.trim().replace(/^v(?=\d)/i, '')
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? ''
}
