/**
 * @module Waits until a followed file may have changed: an fs.watch event on its directory (the fast path, which
 * also sees renames and new files) or, since fs.watch misses events on some file systems, a polling interval.
 * An abort ends the wait at once. Events that arrive between two waits are remembered, never lost.
 */
import { watch } from 'node:fs'
import type { FSWatcher } from 'node:fs'
import { basename, dirname } from 'node:path'

export interface ChangeWaiter {
  /** Resolves on a change, after `pollMs`, or on abort. */
  wait(): Promise<void>
  close(): void
}

export function createChangeWaiter(path: string, pollMs: number, signal: AbortSignal): ChangeWaiter {
  const name = basename(path)
  let dirty = false
  let wake: (() => void) | null = null
  const fire = () => {
    dirty = true
    wake?.()
  }
  let watcher: FSWatcher | null = null
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
      if (file === null || file === name) fire()
    })
    watcher.on('error', () => {
      watcher?.close()
      watcher = null
    })
  } catch {
    watcher = null // no directory yet, or no watch support: polling alone
  }

  return {
    wait() {
      if (dirty || signal.aborted) {
        dirty = false
        return Promise.resolve()
      }
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer)
          signal.removeEventListener('abort', done)
          wake = null
          dirty = false
          resolve()
        }
        const timer = setTimeout(done, pollMs)
        wake = done
        signal.addEventListener('abort', done, { once: true })
      })
    },
    close() {
      watcher?.close()
      watcher = null
      wake?.()
    },
  }
}
