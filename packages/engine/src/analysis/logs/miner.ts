/**
 * @module The online template miner: one pass, bounded memory. Each message is masked token by token (a line
 * that comes again is taken prepared from a bounded cache), looked up in a bounded cache of masked lines, then
 * matched against the clusters sharing its token count and first token; the best cluster above the similarity
 * threshold absorbs it, otherwise a new cluster opens. A line the cluster already absorbed unchanged only has its
 * values counted. Clusters beyond `maxClusters` are evicted least recently used first, so a stream that runs
 * for weeks stays bounded.
 */
import type { UserMask } from './masks.ts'
import { absorb, newCluster, recount, refine, similarity } from './cluster.ts'
import type { Cluster } from './cluster.ts'
import { createPreparer } from './prepare.ts'
import type { Prepared } from './prepare.ts'
import { createLru } from './lru.ts'
import { createRecent } from './recent.ts'
import { mineResult } from './result.ts'
import type { MineResult } from './result.ts'
import { fits, render } from './template.ts'

export type { MineResult } from './result.ts'

export interface MinerOptions {
  /** Share of a template's literal tokens a line must repeat to join it (0–1). Default 0.6. */
  similarity?: number
  /** Most clusters kept; the least recently used is evicted beyond it. Default 10,000. */
  maxClusters?: number
  /** Most lines (and masked lines) remembered for exact lookups. Default 50,000. */
  cacheSize?: number
  /** Most distinct words a merged position may take and still count as a choice of constants. Default 4. */
  maxValues?: number
  /** Extra masks applied before the built-in ones. */
  masks?: readonly UserMask[]
}

export interface ClusterView {
  id: number
  template: string
  size: number
}

export interface MinerStats {
  lines: number
  clusters: number
  groups: number
  cachedLines: number
  evicted: number
}

export interface TemplateMiner {
  add(message: string): MineResult
  /** Matches without learning; null when no cluster fits. */
  match(message: string): MineResult | null
  template(id: number): string | undefined
  clusters(): ClusterView[]
  stats(): MinerStats
}

export function createMiner(options: MinerOptions = {}): TemplateMiner {
  const threshold = options.similarity ?? 0.6
  const maxValues = options.maxValues ?? 4
  const maxClusters = options.maxClusters ?? 10_000
  const cacheSize = options.cacheSize ?? 50_000
  const prepare = createPreparer({ masks: options.masks ?? [], lines: cacheSize })
  const clusters = new Map<number, Cluster>()
  const groups = new Map<string, Set<Cluster>>()
  const cache = createRecent<string, number>(cacheSize)
  let nextId = 1
  let lines = 0
  let evicted = 0

  const lru = createLru<Cluster>()

  const evictOldest = () => {
    const oldest = lru.takeOldest()
    if (oldest === null) return
    clusters.delete(oldest.id)
    const g = groups.get(oldest.group)
    g?.delete(oldest)
    if (g?.size === 0) groups.delete(oldest.group)
    evicted++
  }

  /** The cluster for a line; `fromCache` tells whether the masked-line cache already names it. */
  let fromCache = false
  const best = (p: Prepared): Cluster | null => {
    const cached = cache.get(p.key)
    if (cached !== undefined) {
      const c = clusters.get(cached)
      fromCache = c !== undefined
      if (c !== undefined) return c
    } else fromCache = false
    const g = groups.get(p.group)
    if (g === undefined) return null
    let top: Cluster | null = null
    let topSim = -1
    for (const c of g) {
      const s = similarity(c, p.masked)
      if (s > topSim || (s === topSim && top !== null && c.size > top.size)) {
        top = c
        topSim = s
      }
    }
    return topSim >= threshold ? top : null
  }

  const result = (c: Cluster, p: Prepared, change: MineResult['change']): MineResult =>
    mineResult(c, refine(c, p.masked, maxValues), p.raw, change)

  return {
    add(message) {
      lines++
      const p = prepare(message)
      const found = best(p)
      if (found !== null) {
        let change: MineResult['change'] = 'matched'
        if (p.seen === found.tokens) recount(found, p.masked)
        else if (absorb(found, p.masked)) change = 'changed'
        else p.seen = found.tokens
        lru.use(found)
        if (!fromCache) cache.set(p.key, found.id)
        return result(found, p, change)
      }
      if (clusters.size >= maxClusters) evictOldest()
      const c = newCluster(nextId++, p.group, p.masked)
      clusters.set(c.id, c)
      lru.use(c)
      let g = groups.get(c.group)
      if (g === undefined) groups.set(c.group, (g = new Set()))
      g.add(c)
      cache.set(p.key, c.id)
      return result(c, p, 'created')
    },
    match(message) {
      const p = prepare(message)
      const c = best(p)
      if (c === null || !c.tokens.every((t, i) => fits(t, p.masked[i]!))) return null
      return result(c, p, 'matched')
    },
    template: (id) => {
      const c = clusters.get(id)
      return c === undefined ? undefined : render(c.tokens)
    },
    clusters: () =>
      [...clusters.values()].map((c) => ({ id: c.id, template: render(c.tokens), size: c.size })),
    stats: () => ({ lines, clusters: clusters.size, groups: groups.size, cachedLines: cache.size, evicted }),
  }
}
