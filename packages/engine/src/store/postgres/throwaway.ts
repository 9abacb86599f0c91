/**
 * @module Test support for the PostgreSQL store: the test database URL, whether it is reachable (PostgreSQL tests
 * fail when CI=true and it is not, and skip with the reason otherwise), and stores in throwaway schemas.
 */
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { countingIds } from '../../testing/fakes.ts'
import { describeUrl } from './errors.ts'
import { createPostgresStore, type PostgresStore } from './index.ts'

export const TEST_PG_URL = process.env.RINA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Null when the test database answers; otherwise the reason to skip. Throws when CI=true, because a CI run that
 * silently skips the PostgreSQL store proves nothing about it.
 */
export async function pgSkipReason(url = TEST_PG_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
    return null
  } catch (e) {
    const reason = `PostgreSQL at ${describeUrl(url)} is not reachable (${(e as Error).message}); run scripts/ensure-system.mjs or set RINA_TEST_PG_URL`
    if (process.env.CI === 'true') throw new Error(reason, { cause: e })
    return reason
  } finally {
    await client.end().catch(() => {})
  }
}

/** The `skip` option of a conformance suite: the whole suite, with the reason, when PostgreSQL is unreachable. */
export async function pgSuiteSkip(url = TEST_PG_URL): Promise<Record<string, string>> {
  const reason = await pgSkipReason(url)
  return reason ? { '*': reason } : {}
}

/** A schema name no other test run uses. */
export const throwawaySchemaName = (): string => `rina_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`

export async function dropSchema(schema: string, url = TEST_PG_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`)
  } finally {
    await client.end()
  }
}

export interface ThrowawayStore extends PostgresStore {
  readonly schema: string
  /** Another instance (its own pool) over the same schema; closing it leaves the schema in place. */
  sibling(): Promise<PostgresStore>
}

/** A store in a new schema; closing it drops the schema. */
export async function throwawayStore(
  opts: { ids?: () => string; poolSize?: number; channel?: string } = {},
): Promise<ThrowawayStore> {
  const schema = throwawaySchemaName()
  const ids = opts.ids ?? countingIds('evt').ids
  const open = () =>
    createPostgresStore({
      url: TEST_PG_URL,
      schema,
      ids,
      poolSize: opts.poolSize ?? 4,
      channel: opts.channel,
    })
  const store = await open()
  return {
    ...store,
    schema,
    sibling: open,
    async close() {
      await store.close()
      await dropSchema(schema)
    },
  }
}
