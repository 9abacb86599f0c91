/**
 * @module Store role interfaces. Each is small; a store kind (memory, SQLite, PostgreSQL) implements all of them
 * and passes the shared conformance suites in testing/.
 */
import type { EventDraft } from '../domain/events.ts'
import type { Head, RangeVerdict, StoredEvent } from '../journal/chain.ts'

export interface AppendOptions {
  /** Optimistic concurrency: fail with JOURNAL_CONFLICT unless the head is still at this sequence. */
  expectedSeq?: number
  /** The time stamped on the events (ISO). */
  time: string
}

export interface ReadQuery {
  fromSeq?: number
  /** Inclusive upper bound. */
  toSeq?: number
  limit?: number
}

export interface JournalStore {
  /** Appends atomically after the current head, across processes. Returns the sealed events. */
  append(drafts: readonly EventDraft[], opts: AppendOptions): Promise<StoredEvent[]>
  /** Events in sequence order. */
  read(query?: ReadQuery): Promise<StoredEvent[]>
  /** Streams every event in order in batches; for verification and export of large journals. */
  scan(fromSeq?: number, batchSize?: number): AsyncIterable<StoredEvent[]>
  head(): Promise<Head>
  /** Finds the event carrying this hash (anchors). */
  findByHash(hash: string): Promise<StoredEvent | null>
  /** Optional fast path: the store verifies its whole chain itself (e.g. in parallel); see journal/verify.ts. */
  verifyChain?(opts: {
    anchor: string | null
    onProgress?: (verified: number) => void
  }): Promise<RangeVerdict>
}

export type OutboxStatus = 'pending' | 'delivered' | 'dead'

export interface OutboxItem {
  id: string
  channel: string
  idempotencyKey: string
  /** The rendered-independent notification as JSON (see notifiers/types.ts Notification). */
  body: string
  status: OutboxStatus
  attempts: number
  /** Epoch ms: not claimable before. */
  nextAttemptAt: number
  /** Epoch ms: a claim expires at this time, so a killed dispatcher's claim is taken over. */
  leaseUntil: number | null
  lastError: string | null
  createdAt: number
  updatedAt: number
}

export type SettleOutcome =
  { kind: 'delivered' } | { kind: 'retry'; at: number; error: string } | { kind: 'dead'; error: string }

/** An item as its claimer got it: `leaseToken` names this claim (a random id stored with the lease). */
export interface ClaimedOutboxItem extends OutboxItem {
  leaseToken: string
}

export interface OutboxStore {
  /** Idempotent on idempotencyKey: an item enqueued twice is stored once. */
  enqueue(
    items: readonly Pick<OutboxItem, 'id' | 'channel' | 'idempotencyKey' | 'body'>[],
    now: number,
  ): Promise<void>
  /** Claims up to `limit` due items (pending, nextAttemptAt <= now, lease free or expired) for leaseMs. */
  claim(limit: number, now: number, leaseMs: number): Promise<ClaimedOutboxItem[]>
  /**
   * Settles a claimed item while its lease is still this claim's (expired or not, as long as no one re-claimed
   * it). Returns false, changing nothing, when the lease has passed to another claim, the item is settled
   * already, or there is no such item.
   */
  settle(
    claim: Pick<ClaimedOutboxItem, 'id' | 'leaseToken'>,
    outcome: SettleOutcome,
    now: number,
  ): Promise<boolean>
  list(filter?: { status?: OutboxStatus; limit?: number }): Promise<OutboxItem[]>
  get(id: string): Promise<OutboxItem | null>
  /** Moves dead items back to pending (all, or the given ids); returns the ids moved. */
  requeueDead(ids: readonly string[] | null, now: number): Promise<string[]>
}

export interface LockInfo {
  env: string
  holder: string
  acquiredAt: number
  expiresAt: number
}

export interface LockStore {
  /** Takes the lock, or renews it for the same holder; a lock past expiresAt is free. */
  acquire(
    env: string,
    holder: string,
    ttlMs: number,
    now: number,
  ): Promise<{ ok: true } | { ok: false; held: LockInfo }>
  release(env: string, holder: string): Promise<void>
  inspect(env: string, now: number): Promise<LockInfo | null>
}

export type TokenRole = 'viewer' | 'deployer' | 'approver' | 'admin'

/** An API token as stored: only the SHA-256 of its secret, never the secret itself. */
export interface TokenRecord {
  id: string
  user: string
  role: TokenRole
  /** Hex SHA-256 of the whole token text. */
  hash: string
  /** ISO time. */
  createdAt: string
  /** Who made it, as kind:id. */
  createdBy: string
  /** ISO time, or null while the token is valid. */
  revokedAt: string | null
}

export interface TokenStore {
  /** Stores a new token; an id or hash already present is an INTERNAL error. */
  create(record: TokenRecord): Promise<void>
  /** Every token, revoked ones included, oldest first. */
  list(): Promise<TokenRecord[]>
  /** The token with this hash, revoked or not (the caller checks revokedAt). */
  findByHash(hash: string): Promise<TokenRecord | null>
  /** Marks the token revoked at `at`; returns the record after, or null when no token has this id. */
  revoke(id: string, at: string): Promise<TokenRecord | null>
}

/** One probe check, as the health agent records it (epoch ms). */
export interface ProbeSampleRecord {
  env: string
  service: string
  probe: string
  at: number
  ok: boolean
  latencyMs: number
}

/** One probe's checks over one minute (epoch ms of its start), with latency percentiles in ms. */
export interface ProbeRollup {
  env: string
  service: string
  probe: string
  minute: number
  count: number
  failures: number
  p50: number
  p95: number
  p99: number
}

export interface ProbeHistoryQuery {
  env: string
  service?: string
  probe?: string
  /** Inclusive lower bound (epoch ms). */
  from: number
  /** Exclusive upper bound (epoch ms). */
  to: number
}

/** Probe history for the health agent: raw samples kept briefly, 1-minute rollups kept long. */
export interface ProbeHistoryStore {
  record(samples: readonly ProbeSampleRecord[]): Promise<void>
  /** Samples in the range, oldest first. */
  samples(q: ProbeHistoryQuery): Promise<ProbeSampleRecord[]>
  /** Stores rollups, replacing any with the same probe and minute (rolling up again is harmless). */
  putRollups(rollups: readonly ProbeRollup[]): Promise<void>
  /** Rollups whose minute lies in the range, oldest first. */
  rollups(q: ProbeHistoryQuery): Promise<ProbeRollup[]>
  /** Start of the newest rollup stored, or null when none is. */
  latestRollup(): Promise<number | null>
  /** Drops samples taken before `samplesBefore` and rollups of minutes before `rollupsBefore`; returns counts. */
  prune(opts: { samplesBefore: number; rollupsBefore: number }): Promise<{ samples: number; rollups: number }>
}

/** What a worker may say with a beat, beside the time. */
export interface HeartbeatMeta {
  /** Who reported it (the API token's user). */
  from?: string
  /** The release the worker says it runs. */
  release?: string
  /** One line from the worker, e.g. "12 jobs queued". */
  detail?: string
}

/** The newest beat of one heartbeat key and how many beats the key has had. */
export interface HeartbeatRecord {
  key: string
  /** Time of the newest beat. */
  at: Date
  count: number
  from: string | null
  release: string | null
  detail: string | null
}

/** Heartbeats workers report to `rina serve`: the newest beat per key, read by `heartbeat` probes anywhere. */
export interface HeartbeatStore {
  /**
   * Records a beat (atomically, across processes) and returns the key's record after it. A beat older than the
   * stored one still counts but keeps the newer time and its meta, so clocks that disagree never move time back.
   */
  beat(key: string, at: Date, meta?: HeartbeatMeta): Promise<HeartbeatRecord>
  last(key: string): Promise<HeartbeatRecord | null>
  /** Every key that had a beat, by key. */
  list(): Promise<HeartbeatRecord[]>
}

export type RunLogStream = 'stdout' | 'stderr'

/** One output line of a run's provider commands, as stored (the text is redacted before it is written). */
export interface RunLogLine {
  /** 1-based and consecutive within the run; the writer numbers the lines. */
  seq: number
  /** ISO time the line was read. */
  time: string
  stream: RunLogStream
  /** The plan step that printed it (e.g. "api:deploy"); null on the marker line. */
  stepId: string | null
  service: string | null
  text: string
}

/** Bounded storage of run output (defaults in store/run-log.ts). */
export interface RunLogLimits {
  /** The logs of this many runs are kept, the newest by their first line; older runs' logs are dropped. */
  keepRuns: number
  /** Lines kept per run; later ones are counted in one marker line at seq maxLines + 1. */
  maxLines: number
}

/** The output of deploy and rollback runs, for the API, the dashboard and `rina logs run`. */
export interface RunLogStore {
  /**
   * Stores a batch of one run's lines, in seq order; a seq stored already is ignored, so a batch may be retried.
   * Lines past limits.maxLines are not kept: the marker line counts them. The first batch of a run drops the
   * logs of the oldest runs beyond limits.keepRuns.
   */
  append(runId: string, lines: readonly RunLogLine[], limits?: RunLogLimits): Promise<void>
  /** Lines with seq > after (default 0), in seq order, at most limit (default 1000). */
  read(runId: string, q?: { after?: number; limit?: number }): Promise<RunLogLine[]>
}

/** A saved projection of the journal up to `seq`: a cache that saves refolding, never the truth. */
export interface SnapshotRecord {
  /** What was projected, e.g. "state". */
  name: string
  /** Sequence of the last event folded in. */
  seq: number
  /** Hash of the event at `seq` when the snapshot was taken: a journal that no longer has it is not its journal. */
  hash: string
  /** The projection version that made the body (journal/projection.ts); another version's body is not used. */
  version: number
  /** The projection as JSON. */
  body: string
}

/** Snapshots of projections, one per name, so a short-lived process folds only the events since the last one. */
export interface SnapshotStore {
  /** The snapshot saved under `name`, or null when there is none. */
  get(name: string): Promise<SnapshotRecord | null>
  /** Saves the snapshot of `record.name`, replacing the one before whatever its seq or version. */
  put(record: SnapshotRecord): Promise<void>
}

/** A store kind implements every role. */
export interface Store {
  readonly kind: string
  readonly journal: JournalStore
  readonly outbox: OutboxStore
  readonly locks: LockStore
  readonly tokens: TokenStore
  readonly probes: ProbeHistoryStore
  readonly runLogs: RunLogStore
  readonly heartbeats: HeartbeatStore
  readonly snapshots: SnapshotStore
  close(): Promise<void>
}
