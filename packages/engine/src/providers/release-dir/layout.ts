/**
 * @module Where release-dir keeps things under its root: `releases/<id>/` (complete releases, each holding a
 * `.rina-release` marker), `releases/.<id>.partial/` (a copy in progress), `current` (the symlink) and
 * `.current.next` (the symlink being put in place).
 */
import { join } from 'node:path'

export const MARKER = '.rina-release'

export const releasesDir = (root: string) => join(root, 'releases')
export const releaseDir = (root: string, id: string) => join(root, 'releases', id)
export const partialDir = (root: string, id: string) => join(root, 'releases', `.${id}.partial`)
export const currentLink = (root: string) => join(root, 'current')
export const nextLink = (root: string) => join(root, '.current.next')
/** The text of the `current` symlink: relative, so the root can move or be mounted elsewhere. */
export const linkText = (id: string) => `releases/${id}`

/** Why a release id cannot name a directory under releases/, or null when it can. */
export function badReleaseId(id: string): string | null {
  if (id === '' || id.startsWith('.') || /[/\\\0]/.test(id))
    return `release id "${id}" cannot be used as a directory name (no leading dot, slashes or NUL)`
  return null
}

/** The release a `current` link text points at, or null when it points elsewhere. */
export function releaseOfLink(text: string): string | null {
  const m = /(?:^|\/)releases\/([^/]+)\/?$/.exec(text)
  return m ? m[1]! : null
}
