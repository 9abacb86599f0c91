/**
 * @module Switches `current` to a release atomically: a new symlink is made beside it and renamed over it, so a
 * reader resolving `current` at any moment sees the old release or the new one, never a missing or broken link.
 * Only a complete release (one holding the marker) is switched to.
 */
import { lstat, open, readdir, rename, symlink, unlink } from 'node:fs/promises'
import { readCurrent } from './current.ts'
import { badReleaseId, currentLink, linkText, MARKER, nextLink, releaseDir, releasesDir } from './layout.ts'

export type SwitchResult = { ok: true; from: string | null } | { ok: false; reason: string }

export async function switchCurrent(root: string, id: string): Promise<SwitchResult> {
  const bad = badReleaseId(id)
  if (bad !== null) return { ok: false, reason: bad }
  const missing = await checkComplete(root, id)
  if (missing !== null) return { ok: false, reason: missing }
  const link = currentLink(root)
  const existing = await lstat(link).catch(() => null)
  if (existing !== null && !existing.isSymbolicLink())
    return {
      ok: false,
      reason: `${link} is a real ${existing.isDirectory() ? 'directory' : 'file'}, not a symlink; move it aside once so release-dir can manage it`,
    }
  const from = existing === null ? null : await readCurrent(root)
  const next = nextLink(root)
  await unlink(next).catch(() => {})
  await symlink(linkText(id), next)
  await rename(next, link)
  await syncDir(root)
  return { ok: true, from }
}

/** Why the release cannot be switched to (not there, or copied only in part), or null when it is complete. */
async function checkComplete(root: string, id: string): Promise<string | null> {
  const dir = releaseDir(root, id)
  const st = await lstat(dir).catch(() => null)
  if (st === null || !st.isDirectory()) {
    const have = await listReleases(root)
    const pick = have.length === 0 ? 'there are no releases there' : `releases there: ${have.join(', ')}`
    return `release ${id} is not in ${releasesDir(root)} (pruned, or never placed); ${pick}`
  }
  const marker = await lstat(`${dir}/${MARKER}`).catch(() => null)
  if (marker === null)
    return `release ${id} in ${releasesDir(root)} is incomplete (no ${MARKER} marker, its copy did not finish); deploy it again to place it completely`
  return null
}

async function listReleases(root: string): Promise<string[]> {
  const names = await readdir(releasesDir(root)).catch(() => [] as string[])
  return names.filter((n) => !n.startsWith('.')).sort()
}

/** Makes the rename durable: a switch reported done survives a power cut. */
async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r')
  try {
    await fh.sync()
  } finally {
    await fh.close()
  }
}
