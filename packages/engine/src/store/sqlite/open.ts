/** @module Opens the SQLite state database (WAL, durable commits) and creates its tables. */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

export type Db = Database.Database

export interface SqliteOptions {
  path: string
  /** 'full' (default) syncs every commit; 'normal' is durable across process crashes but not power loss. */
  synchronous?: 'full' | 'normal'
  busyTimeoutMs?: number
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  time TEXT NOT NULL,
  type TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  reason TEXT,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_hash ON events(hash);
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  lease_until INTEGER,
  lease_token TEXT,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(status, next_attempt_at);
CREATE TABLE IF NOT EXISTS locks (
  env TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  acquired_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY,
  user_name TEXT NOT NULL,
  role TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS heartbeats (
  key TEXT PRIMARY KEY,
  at INTEGER NOT NULL,
  count INTEGER NOT NULL,
  reported_by TEXT,
  release TEXT,
  detail TEXT
);
CREATE TABLE IF NOT EXISTS probe_samples (
  env TEXT NOT NULL,
  service TEXT NOT NULL,
  probe TEXT NOT NULL,
  at INTEGER NOT NULL,
  ok INTEGER NOT NULL,
  latency_ms REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS probe_samples_at ON probe_samples(env, at);
CREATE TABLE IF NOT EXISTS probe_rollups (
  env TEXT NOT NULL,
  service TEXT NOT NULL,
  probe TEXT NOT NULL,
  minute INTEGER NOT NULL,
  count INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  p50 REAL NOT NULL,
  p95 REAL NOT NULL,
  p99 REAL NOT NULL,
  PRIMARY KEY (env, service, probe, minute)
);
CREATE INDEX IF NOT EXISTS probe_rollups_minute ON probe_rollups(minute);
CREATE TABLE IF NOT EXISTS run_log (
  run_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time TEXT NOT NULL,
  stream TEXT NOT NULL,
  step_id TEXT,
  service TEXT,
  text TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX IF NOT EXISTS run_log_runs ON run_log(seq) WHERE seq = 0;
CREATE TABLE IF NOT EXISTS snapshots (
  name TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  version INTEGER NOT NULL,
  body TEXT NOT NULL
);
`

export function openSqlite(opts: SqliteOptions): Db {
  if (opts.path !== ':memory:') mkdirSync(dirname(opts.path), { recursive: true })
  const db = new Database(opts.path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${opts.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)
  db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 10_000}`)
  db.pragma('foreign_keys = ON')
  db.exec(SCHEMA)
  addLeaseToken(db)
  return db
}

/** A database whose outbox predates lease tokens gains the column (once, even when two processes open it). */
function addLeaseToken(db: Db): void {
  const has = () =>
    (db.prepare(`SELECT name FROM pragma_table_info('outbox')`).all() as { name: string }[]).some(
      (c) => c.name === 'lease_token',
    )
  if (has()) return
  db.transaction(() => {
    if (!has()) db.exec('ALTER TABLE outbox ADD COLUMN lease_token TEXT')
  }).immediate()
}
