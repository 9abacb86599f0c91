/**
 * @module Parallel verification of a SQLite journal: the sequence range is split across worker threads, each
 * with its own read-only connection; the verdicts are stitched in order (journal/chain.ts stitchRanges).
 */
import Database from 'better-sqlite3'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { RangeVerdict } from '../../journal/chain.ts'
import { ChainVerifier, stitchRanges, verdictOf } from '../../journal/chain.ts'
import { verifySqliteRange } from './verify-range.ts'

const PARALLEL_FROM = 100_000

export async function verifySqlite(
  path: string,
  headSeq: number,
  opts: {
    anchor: string | null
    onProgress?: (verified: number) => void
    workers?: number
    parallelFrom?: number
  },
): Promise<RangeVerdict> {
  const workers = opts.workers ?? Math.min(availableParallelism(), 4)
  if (headSeq < (opts.parallelFrom ?? PARALLEL_FROM) || workers < 2) {
    const db = new Database(path, { readonly: true, fileMustExist: true })
    try {
      const v = new ChainVerifier(undefined, opts.anchor)
      verifySqliteRange(db, v, 1, headSeq, (n) => opts.onProgress?.(n))
      return verdictOf(v, 1, headSeq)
    } finally {
      db.close()
    }
  }
  const size = Math.ceil(headSeq / workers)
  const progress = new Array<number>(workers).fill(0)
  const ranges = await Promise.all(
    Array.from({ length: workers }, (_, i) => {
      const fromSeq = i * size + 1
      const toSeq = Math.min(headSeq, (i + 1) * size)
      return runWorker({ path, fromSeq, toSeq, anchor: opts.anchor }, (n) => {
        progress[i] = n
        opts.onProgress?.(progress.reduce((a, b) => a + b, 0))
      })
    }),
  )
  return stitchRanges(ranges)
}

function runWorker(
  data: { path: string; fromSeq: number; toSeq: number; anchor: string | null },
  onProgress: (n: number) => void,
) {
  return new Promise<RangeVerdict>((resolve, reject) => {
    const w = new Worker(new URL('./verify-worker-boot.mjs', import.meta.url), {
      workerData: data,
    })
    w.on('message', (m: { progress?: number; done?: RangeVerdict }) => {
      if (m.done) resolve(m.done)
      else if (m.progress !== undefined) onProgress(m.progress)
    })
    w.on('error', reject)
    w.on('exit', (code) => {
      if (code !== 0) reject(new Error(`verify worker exited with ${code}`))
    })
  })
}
