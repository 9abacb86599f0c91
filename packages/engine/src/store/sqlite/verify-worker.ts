/** @module Worker thread: verifies one range of the SQLite journal with its own read-only connection. */
import Database from 'better-sqlite3'
import { parentPort, workerData } from 'node:worker_threads'
import { ChainVerifier, verdictOf } from '../../journal/chain.ts'
import { verifySqliteRange } from './verify-range.ts'

const { path, fromSeq, toSeq, anchor } = workerData as {
  path: string
  fromSeq: number
  toSeq: number
  anchor: string | null
}
const db = new Database(path, { readonly: true, fileMustExist: true })
const v = new ChainVerifier({ seq: fromSeq - 1, hash: null }, anchor)
verifySqliteRange(db, v, fromSeq, toSeq, (n) => parentPort!.postMessage({ progress: n }))
db.close()
parentPort!.postMessage({ done: verdictOf(v, fromSeq, toSeq) })
