/**
 * @module Memory and throughput of the miner on a stream that never repeats:
 * `node --expose-gc --import tsx bench/logs/stream.ts [lines] [templates]` prints JSON. Lines are generated in
 * chunks outside the timed part; each chunk goes through the miner and through a baseline (split on whitespace
 * plus one Map lookup per line) so the two rates come from the same moments of a shared machine. The miner's
 * retained state is the heap growth after a full collection, with the miner still alive.
 */
import { createMiner } from '../../packages/engine/src/analysis/logs/index.ts'
import { seededRandom } from '../../packages/engine/src/testing/fakes.ts'
import { lineOf, shapes } from './generate.ts'

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with node --expose-gc')

const total = Number(process.argv[2] ?? 10_000_000)
const templates = shapes(Number(process.argv[3] ?? 300))
const CHUNK = 100_000
const r = seededRandom(42)

gc()
const before = process.memoryUsage().heapUsed
const miner = createMiner()
const seen = new Map<string, number>()
let minerMs = 0
let baseMs = 0
const chunk: string[] = new Array<string>(CHUNK)
for (let done = 0; done < total; done += CHUNK) {
  const n = Math.min(CHUNK, total - done)
  for (let i = 0; i < n; i++) chunk[i] = lineOf(templates, done + i, r)
  const t0 = performance.now()
  for (let i = 0; i < n; i++) {
    const k = chunk[i]!.trim().split(/\s+/)
    const key = `${k.length} ${k[0]}`
    seen.set(key, (seen.get(key) ?? 0) + 1)
  }
  const t1 = performance.now()
  for (let i = 0; i < n; i++) miner.add(chunk[i]!)
  minerMs += performance.now() - t1
  baseMs += t1 - t0
}
chunk.length = 0
gc()
const after = process.memoryUsage().heapUsed
const stats = miner.stats()
console.log(
  JSON.stringify({
    lines: total,
    templates: templates.length,
    minerRate: total / (minerMs / 1000),
    baselineRate: total / (baseMs / 1000),
    retainedMb: (after - before) / 1e6,
    stats,
    baselineKeys: seen.size,
  }),
)
