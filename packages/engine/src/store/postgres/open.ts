/** @module Opens a PostgreSQL connection pool and creates the store's tables in its schema (idempotent). */
import pg from 'pg'
import type { Pool } from 'pg'
import { RinaError } from '../../errors.ts'
import { storeError } from './errors.ts'

export interface PostgresOptions {
  /** Connection string, e.g. postgres://user@host:5432/db. */
  url: string
  /** Schema holding the tables; created when missing. Default `public`. */
  schema?: string
  /** Channel for `NOTIFY` on append. Default `rina_events`. */
  channel?: string
  /** Pool size. Default 10. */
  poolSize?: number
  connectTimeoutMs?: number
}

/** Fully qualified, quoted table names of one schema. */
export interface Tables {
  schema: string
  events: string
  head: string
  outbox: string
  locks: string
  tokens: string
  heartbeats: string
  probeSamples: string
  probeRollups: string
  runLog: string
  snapshots: string
}

const INT8_OID = 20
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/

/** int8 columns (sequence numbers, epoch ms) come back as numbers; both stay far below 2^53. */
const types = new pg.TypeOverrides()
types.setTypeParser(INT8_OID, 'text', Number)

export function tablesOf(schema: string): Tables {
  if (!NAME_PATTERN.test(schema)) {
    throw new RinaError({
      code: 'CONFIG_INVALID',
      message: `"${schema}" is not a usable PostgreSQL schema name`,
      hint: 'use letters, digits and underscores, starting with a letter or underscore',
    })
  }
  const q = `${pg.escapeIdentifier(schema)}.`
  return {
    schema,
    events: `${q}events`,
    head: `${q}journal_head`,
    outbox: `${q}outbox`,
    locks: `${q}locks`,
    tokens: `${q}tokens`,
    heartbeats: `${q}heartbeats`,
    probeSamples: `${q}probe_samples`,
    probeRollups: `${q}probe_rollups`,
    runLog: `${q}run_log`,
    snapshots: `${q}snapshots`,
  }
}

const ddl = (t: Tables): string => `
CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(t.schema)};
CREATE TABLE IF NOT EXISTS ${t.events} (
  seq BIGINT PRIMARY KEY,
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
CREATE INDEX IF NOT EXISTS events_hash ON ${t.events} (hash);
CREATE TABLE IF NOT EXISTS ${t.head} (
  id SMALLINT PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO ${t.head} (id, seq, hash)
  SELECT 1, COALESCE(MAX(seq), 0), COALESCE((SELECT hash FROM ${t.events} ORDER BY seq DESC LIMIT 1), repeat('0', 64))
  FROM ${t.events}
  ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS ${t.outbox} (
  id TEXT PRIMARY KEY,
  ord BIGSERIAL,
  channel TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  body TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  lease_token TEXT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_due ON ${t.outbox} (status, next_attempt_at);
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = ${pg.escapeLiteral(t.schema)}
                 AND table_name = 'outbox' AND column_name = 'lease_token') THEN
    ALTER TABLE ${t.outbox} ADD COLUMN lease_token TEXT;
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS ${t.locks} (
  env TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  acquired_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS ${t.tokens} (
  id TEXT PRIMARY KEY,
  ord BIGSERIAL,
  user_name TEXT NOT NULL,
  role TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS ${t.heartbeats} (
  key TEXT PRIMARY KEY,
  at BIGINT NOT NULL,
  count BIGINT NOT NULL,
  reported_by TEXT,
  release TEXT,
  detail TEXT
);
CREATE TABLE IF NOT EXISTS ${t.probeSamples} (
  id BIGSERIAL PRIMARY KEY,
  env TEXT NOT NULL,
  service TEXT NOT NULL,
  probe TEXT NOT NULL,
  at BIGINT NOT NULL,
  ok BOOLEAN NOT NULL,
  latency_ms DOUBLE PRECISION NOT NULL
);
CREATE INDEX IF NOT EXISTS probe_samples_at ON ${t.probeSamples} (env, at);
CREATE TABLE IF NOT EXISTS ${t.probeRollups} (
  env TEXT NOT NULL,
  service TEXT NOT NULL,
  probe TEXT NOT NULL,
  minute BIGINT NOT NULL,
  count INTEGER NOT NULL,
  failures INTEGER NOT NULL,
  p50 DOUBLE PRECISION NOT NULL,
  p95 DOUBLE PRECISION NOT NULL,
  p99 DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (env, service, probe, minute)
);
CREATE INDEX IF NOT EXISTS probe_rollups_minute ON ${t.probeRollups} (minute);
CREATE TABLE IF NOT EXISTS ${t.runLog} (
  id BIGSERIAL,
  run_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time TEXT NOT NULL,
  stream TEXT NOT NULL,
  step_id TEXT,
  service TEXT,
  text TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);
CREATE INDEX IF NOT EXISTS run_log_runs ON ${t.runLog} (id) WHERE seq = 0;
CREATE TABLE IF NOT EXISTS ${t.snapshots} (
  name TEXT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  version INTEGER NOT NULL,
  body TEXT NOT NULL
);
`

/** Connects, then creates the schema and tables under a transaction-scoped advisory lock so concurrent opens agree. */
export async function openPostgres(opts: PostgresOptions): Promise<{ pool: Pool; tables: Tables }> {
  const tables = tablesOf(opts.schema ?? 'public')
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
    application_name: 'rina',
    types,
  })
  // An idle connection that drops must not crash the process; the next query reports it instead.
  pool.on('error', () => {})
  try {
    const client = await pool.connect()
    try {
      await client.query(
        `BEGIN; SELECT pg_advisory_xact_lock(hashtext('rina.schema.' || ${pg.escapeLiteral(tables.schema)}));
         ${ddl(tables)} COMMIT;`,
      )
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {})
      throw e
    } finally {
      client.release()
    }
  } catch (e) {
    await pool.end().catch(() => {})
    throw storeError(e, opts.url)
  }
  return { pool, tables }
}
