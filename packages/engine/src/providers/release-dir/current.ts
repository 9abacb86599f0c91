/** @module Reads which release `current` points at: null when there is no link yet or it points elsewhere. */
import { readlink } from 'node:fs/promises'
import { currentLink, releaseOfLink } from './layout.ts'

export async function readCurrent(root: string): Promise<string | null> {
  try {
    return releaseOfLink(await readlink(currentLink(root)))
  } catch {
    return null
  }
}
