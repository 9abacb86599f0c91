/**
 * @module Removes old releases: keeps the newest `keep` complete releases (by the time they were placed), and
 * never the current one or the ones the plan protects (the new and the previous release). Leftover `.partial`
 * copies go too; a release is renamed to `.partial` before it is deleted, so it is never seen half-deleted; directories without a marker that are not ours are left alone.
 */
import { lstat, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { readCurrent } from './current.ts'
import { MARKER, partialDir, releasesDir } from './layout.ts'

export async function pruneReleases(
  root: string,
  keep: number,
  protect: readonly string[],
): Promise<string[]> {
  const dir = releasesDir(root)
  const names = await readdir(dir).catch(() => [] as string[])
  const current = await readCurrent(root)
  const kept = new Set([...protect, ...(current === null ? [] : [current])])
  const releases: { name: string; placed: number }[] = []
  const removed: string[] = []
  for (const name of names) {
    if (name.startsWith('.')) {
      if (name.endsWith('.partial')) await rm(join(dir, name), { recursive: true, force: true })
      continue
    }
    const marker = await lstat(join(dir, name, MARKER)).catch(() => null)
    if (marker !== null) releases.push({ name, placed: marker.mtimeMs })
  }
  releases.sort((a, b) => b.placed - a.placed || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
  for (const [i, r] of releases.entries()) {
    if (i < keep || kept.has(r.name)) continue
    // renamed out of the way first, so a crash mid-removal never leaves a marked, half-deleted release
    await rename(join(dir, r.name), partialDir(root, r.name))
    await rm(partialDir(root, r.name), { recursive: true, force: true })
    removed.push(r.name)
  }
  return removed
}
