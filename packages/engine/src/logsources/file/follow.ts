/**
 * @module Follows one file path like `tail -F`: reads what is appended, buffers a partial last line until its
 * newline, restarts at 0 when the file shrinks (copytruncate), and when the path names a new file (rename
 * rotation) finishes the old one before continuing at the start of the new one. Each line carries the file's
 * identity and the byte offset after it, so a later follower resumes exactly there.
 */
import { open, stat } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { createLineSplitter } from '../line-splitter.ts'
import type { LineSplitter } from '../line-splitter.ts'
import type { FileCursor } from '../types.ts'
import { createChangeWaiter } from './change-waiter.ts'

export interface FollowOptions {
  path: string
  from: 'start' | 'end'
  cursor: FileCursor | null
  pollMs: number
  signal: AbortSignal
  chunkBytes?: number
}

export interface FollowedLine {
  text: string
  cursor: FileCursor
}

interface Identity {
  dev: number
  ino: number
  size: number
}

async function identity(path: string): Promise<Identity | null> {
  try {
    const s = await stat(path)
    return { dev: s.dev, ino: s.ino, size: s.size }
  } catch {
    return null
  }
}

/** Where to start in a file found at open: the cursor when it names this file and still fits, else `from`. */
function startOffset(id: Identity, opts: FollowOptions): number {
  const c = opts.cursor
  if (c !== null) return c.dev === id.dev && c.ino === id.ino && c.offset <= id.size ? c.offset : 0
  return opts.from === 'end' ? id.size : 0
}

export async function* follow(opts: FollowOptions): AsyncGenerator<FollowedLine> {
  const { path, signal } = opts
  const waiter = createChangeWaiter(path, opts.pollMs, signal)
  const buf = Buffer.alloc(opts.chunkBytes ?? 64 * 1024)
  let fh: FileHandle | null = null
  let id: Identity | null = null
  let pos = 0
  let splitter: LineSplitter = createLineSplitter(0)
  let first = true
  let rotationSeen = false
  const at = (offset: number): FileCursor => ({ kind: 'file', dev: id!.dev, ino: id!.ino, offset })

  try {
    while (!signal.aborted) {
      if (fh === null) {
        const found = await identity(path)
        const handle = found === null ? null : await open(path, 'r').catch(() => null)
        if (handle === null || found === null) {
          first = false // a file that appears later is read from its start
          await waiter.wait()
          continue
        }
        const s = await handle.stat()
        fh = handle
        id = { dev: s.dev, ino: s.ino, size: s.size }
        pos = first ? startOffset(id, opts) : 0
        first = false
        splitter = createLineSplitter(pos)
        rotationSeen = false
      }
      const { bytesRead } = await fh.read(buf, 0, buf.length, pos)
      if (bytesRead > 0) {
        pos += bytesRead
        for (const l of splitter.push(buf.subarray(0, bytesRead))) yield { text: l.text, cursor: at(l.end) }
        continue
      }
      const size = (await fh.stat()).size
      if (size < pos) {
        pos = 0 // truncated in place: what was buffered belonged to the old content
        splitter = createLineSplitter(0)
        continue
      }
      const now = await identity(path)
      if (now === null || now.dev !== id!.dev || now.ino !== id!.ino) {
        // Renamed away: read once more for writes that raced the rename, then finish this file.
        if (!rotationSeen) {
          rotationSeen = true
          continue
        }
        const last = splitter.flush()
        if (last !== null) yield { text: last.text, cursor: at(last.end) }
        await fh.close()
        fh = null
        continue
      }
      await waiter.wait()
    }
  } finally {
    waiter.close()
    await fh?.close()
  }
}
