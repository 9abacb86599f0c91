/** @module In-memory store: the same roles as SQLite and PostgreSQL, for tests and dry runs. */
import { randomUUID } from 'node:crypto'
import { RinaError } from '../../errors.ts'
import type { StoredEvent } from '../../journal/chain.ts'
import { EMPTY_HEAD, seal } from '../../journal/chain.ts'
import type { JournalStore, LockInfo, LockStore, OutboxItem, OutboxStore, Store } from '../types.ts'
import { createMemoryHeartbeats } from './heartbeats.ts'
import { createMemoryProbes } from './probes.ts'
import { createMemoryRunLogs } from './run-logs.ts'
import { createMemorySnapshots } from './snapshots.ts'
import { createMemoryTokens } from './tokens.ts'

export function createMemoryJournal(ids: () => string): JournalStore & { events: StoredEvent[] } {
  const events: StoredEvent[] = []
  const head = () => {
    const last = events[events.length - 1]
    return last ? { seq: last.seq, hash: last.hash } : EMPTY_HEAD
  }
  return {
    events,
    async append(drafts, opts) {
      const h = head()
      if (opts.expectedSeq !== undefined && opts.expectedSeq !== h.seq) {
        throw new RinaError({
          code: 'JOURNAL_CONFLICT',
          message: `the journal moved on (expected head ${opts.expectedSeq}, found ${h.seq})`,
          hint: 'another command changed state at the same time; run the command again',
        })
      }
      const sealed = seal(drafts, h, { time: opts.time, ids })
      events.push(...sealed.map((e) => ({ ...e })))
      return sealed
    },
    async read(q = {}) {
      const from = q.fromSeq ?? 1
      const to = q.toSeq ?? Number.MAX_SAFE_INTEGER
      const out = events.filter((e) => e.seq >= from && e.seq <= to).map((e) => ({ ...e }))
      return q.limit !== undefined && q.limit >= 0 ? out.slice(0, q.limit) : out
    },
    async *scan(fromSeq = 1, batchSize = 10_000) {
      const rows = events.filter((e) => e.seq >= fromSeq).map((e) => ({ ...e }))
      for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize)
    },
    async head() {
      return head()
    },
    async findByHash(hash) {
      const e = events.find((x) => x.hash === hash)
      return e ? { ...e } : null
    },
  }
}

export function createMemoryOutbox(): OutboxStore {
  const items = new Map<string, OutboxItem>()
  const byKey = new Set<string>()
  /** The lease token of each leased item. */
  const leases = new Map<string, string>()
  return {
    async enqueue(list, now) {
      const fresh = list.filter(
        (it, i) =>
          !byKey.has(it.idempotencyKey) &&
          list.findIndex((x) => x.idempotencyKey === it.idempotencyKey) === i,
      )
      const clash = fresh.find((it, i) => items.has(it.id) || fresh.findIndex((x) => x.id === it.id) !== i)
      if (clash) {
        throw new RinaError({
          code: 'INTERNAL',
          message: `outbox id ${clash.id} is already used by another item`,
        })
      }
      for (const it of fresh) {
        byKey.add(it.idempotencyKey)
        items.set(it.id, {
          id: it.id,
          channel: it.channel,
          idempotencyKey: it.idempotencyKey,
          body: it.body,
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          leaseUntil: null,
          lastError: null,
          createdAt: now,
          updatedAt: now,
        })
      }
    },
    async claim(limit, now, leaseMs) {
      if (limit <= 0) return []
      const due = [...items.values()]
        .filter(
          (i) =>
            i.status === 'pending' &&
            i.nextAttemptAt <= now &&
            (i.leaseUntil === null || i.leaseUntil <= now),
        )
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt)
        .slice(0, limit)
      const leaseToken = randomUUID()
      for (const i of due) {
        i.leaseUntil = now + leaseMs
        i.attempts += 1
        i.updatedAt = now
        leases.set(i.id, leaseToken)
      }
      return due.map((i) => ({ ...i, leaseToken }))
    },
    async settle({ id, leaseToken }, outcome, now) {
      const i = items.get(id)
      if (!i || i.status !== 'pending' || leases.get(id) !== leaseToken) return false
      leases.delete(id)
      i.leaseUntil = null
      i.updatedAt = now
      if (outcome.kind === 'delivered') {
        i.status = 'delivered'
        i.lastError = null
      } else if (outcome.kind === 'retry') {
        i.nextAttemptAt = outcome.at
        i.lastError = outcome.error
      } else {
        i.status = 'dead'
        i.lastError = outcome.error
      }
      return true
    },
    async list(filter = {}) {
      const out = [...items.values()]
        .reverse()
        .filter((i) => !filter.status || i.status === filter.status)
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((i) => ({ ...i }))
      return filter.limit !== undefined && filter.limit >= 0 ? out.slice(0, filter.limit) : out
    },
    async get(id) {
      const i = items.get(id)
      return i ? { ...i } : null
    },
    async requeueDead(ids, now) {
      const moved: string[] = []
      for (const i of items.values()) {
        if (i.status !== 'dead' || (ids && !ids.includes(i.id))) continue
        Object.assign(i, {
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          leaseUntil: null,
          updatedAt: now,
        })
        moved.push(i.id)
      }
      return moved
    },
  }
}

export function createMemoryLocks(): LockStore {
  const locks = new Map<string, LockInfo>()
  return {
    async acquire(env, holder, ttlMs, now) {
      const cur = locks.get(env)
      if (cur && cur.expiresAt > now && cur.holder !== holder) return { ok: false, held: { ...cur } }
      const acquiredAt = cur && cur.holder === holder && cur.expiresAt > now ? cur.acquiredAt : now
      locks.set(env, { env, holder, acquiredAt, expiresAt: now + ttlMs })
      return { ok: true }
    },
    async release(env, holder) {
      if (locks.get(env)?.holder === holder) locks.delete(env)
    },
    async inspect(env, now) {
      const cur = locks.get(env)
      return cur && cur.expiresAt > now ? { ...cur } : null
    },
  }
}

export function createMemoryStore(ids: () => string): Store {
  return {
    kind: 'memory',
    journal: createMemoryJournal(ids),
    outbox: createMemoryOutbox(),
    locks: createMemoryLocks(),
    tokens: createMemoryTokens(),
    probes: createMemoryProbes(),
    runLogs: createMemoryRunLogs(),
    heartbeats: createMemoryHeartbeats(),
    snapshots: createMemorySnapshots(),
    async close() {},
  }
}
