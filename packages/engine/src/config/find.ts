/** @module Finds rina.yml by walking up from the working directory, as git finds its repository. */
import { stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'

export const CONFIG_FILE_NAMES = ['rina.yml', 'rina.yaml'] as const

/** The absolute path of the nearest rina.yml (or rina.yaml) in `cwd` or above it, or null. */
export async function findConfig(cwd: string): Promise<string | null> {
  let dir = resolve(cwd)
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name)
      if (await isFile(candidate)) return candidate
    }
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
