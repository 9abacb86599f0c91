/**
 * @module Places a build as `releases/<id>/`: copied into a `.partial` directory, marked complete, then renamed
 * into place, so `releases/<id>/` is either absent or whole. A release already there and complete is kept (its
 * marker touched, so pruning counts it as recent).
 */
import { cp, lstat, mkdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readCurrent } from './current.ts'
import { badReleaseId, MARKER, partialDir, releaseDir, releasesDir } from './layout.ts'

export type PlaceResult = { ok: true; copied: boolean } | { ok: false; reason: string }

export async function placeRelease(
  root: string,
  id: string,
  source: string,
  now: Date,
): Promise<PlaceResult> {
  const bad = badReleaseId(id)
  if (bad !== null) return { ok: false, reason: bad }
  const target = releaseDir(root, id)
  const marker = join(target, MARKER)
  if (await exists(marker)) {
    await utimes(marker, now, now)
    return { ok: true, copied: false }
  }
  if (await exists(target)) {
    if ((await readCurrent(root)) === id)
      return {
        ok: false,
        reason: `${target} is incomplete (no ${MARKER} marker) but current points at it; fix it by hand before deploying ${id} again`,
      }
    await rm(target, { recursive: true, force: true })
  }
  const src = await stat(source).catch(() => null)
  if (src === null || !src.isDirectory())
    return {
      ok: false,
      reason: `build directory ${source} ${src === null ? 'does not exist' : 'is not a directory'}; build release ${id} first`,
    }
  const partial = partialDir(root, id)
  await mkdir(releasesDir(root), { recursive: true })
  await rm(partial, { recursive: true, force: true })
  await cp(source, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true })
  await writeFile(
    join(partial, MARKER),
    `${JSON.stringify({ release: id, source, placedAt: now.toISOString() })}\n`,
  )
  await utimes(join(partial, MARKER), now, now)
  await rename(partial, target)
  return { ok: true, copied: true }
}

const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  )
