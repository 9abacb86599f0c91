/** @module PostgreSQL-specific behaviour: idempotent open, failure mapping and NOTIFY-based listening. */
import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { after, describe, it } from 'node:test'
import { isRinaError } from '../../errors.ts'
import { drafts, TIME } from '../../testing/journal.conformance.ts'
import { countingIds } from '../../testing/fakes.ts'
import { createPostgresStore } from './index.ts'
import { dropSchema, pgSkipReason, TEST_PG_URL, throwawaySchemaName, throwawayStore } from './throwaway.ts'

const skip = (await pgSkipReason()) ?? false
const ids = countingIds('evt').ids

/** A local port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Resolves with the next seq the listener hears. */
function nextSeq() {
  const heard: number[] = []
  let wake: () => void = () => {}
  return {
    onSeq: (seq: number) => {
      heard.push(seq)
      wake()
    },
    heard,
    async next(): Promise<number> {
      while (heard.length === 0) await new Promise<void>((resolve) => (wake = resolve))
      return heard.shift()!
    },
  }
}

describe('postgres store', { skip }, () => {
  const schemas: string[] = []
  after(async () => {
    for (const s of schemas) await dropSchema(s)
  })

  it('keeps the data and continues the chain when opened again on the same schema', async () => {
    const schema = throwawaySchemaName()
    schemas.push(schema)
    const first = await createPostgresStore({ url: TEST_PG_URL, schema, ids })
    await first.journal.append(drafts(3), { time: TIME })
    await first.close()
    const again = await createPostgresStore({ url: TEST_PG_URL, schema, ids })
    const out = await again.journal.append(drafts(1), { time: TIME, expectedSeq: 3 })
    assert.equal(out[0]!.seq, 4)
    await again.close()
  })

  it('creates the tables once when several instances open a new schema at the same time', async () => {
    const schema = throwawaySchemaName()
    schemas.push(schema)
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => createPostgresStore({ url: TEST_PG_URL, schema, ids, poolSize: 2 })),
    )
    await Promise.all(stores.map((s) => s.journal.append(drafts(2), { time: TIME })))
    assert.equal((await stores[0]!.journal.head()).seq, 8)
    await Promise.all(stores.map((s) => s.close()))
  })

  it('rejects with CONFIG_INVALID when the schema name is not a plain identifier', async () => {
    await assert.rejects(
      createPostgresStore({ url: TEST_PG_URL, schema: 'x"; DROP TABLE y; --', ids }),
      (e) => isRinaError(e, 'CONFIG_INVALID'),
    )
  })

  it('rejects with STORE_UNAVAILABLE when nothing listens at the address', async () => {
    const url = `postgres://postgres:secret-pw@127.0.0.1:${await closedPort()}/test`
    await assert.rejects(createPostgresStore({ url, ids }), (e) => {
      assert.ok(isRinaError(e, 'STORE_UNAVAILABLE'))
      assert.ok(!e.message.includes('secret-pw'), 'the message must not carry the password')
      return true
    })
  })

  it('rejects with STORE_UNAVAILABLE when the database does not exist', async () => {
    const url = new URL(TEST_PG_URL)
    url.pathname = `/${throwawaySchemaName()}`
    await assert.rejects(createPostgresStore({ url: url.href, ids }), (e) =>
      isRinaError(e, 'STORE_UNAVAILABLE'),
    )
  })

  it('tells listeners the new head seq when another instance commits an append', async () => {
    const channel = throwawaySchemaName()
    const store = await throwawayStore({ channel })
    const other = await store.sibling()
    const heard = nextSeq()
    const listener = await store.listen(heard.onSeq)
    try {
      await other.journal.append(drafts(3), { time: TIME })
      const seq = await heard.next()
      assert.equal(seq, 3)
      assert.equal(
        (await store.journal.read({ fromSeq: 1, toSeq: seq })).length,
        3,
        'the events are visible by then',
      )
      await other.journal.append(drafts(2), { time: TIME })
      assert.equal(await heard.next(), 5)
    } finally {
      await listener.close()
      await other.close()
      await store.close()
    }
  })

  it('tells listeners nothing when an append is refused', async () => {
    const channel = throwawaySchemaName()
    const store = await throwawayStore({ channel })
    const heard = nextSeq()
    const listener = await store.listen(heard.onSeq)
    try {
      await assert.rejects(store.journal.append(drafts(1), { time: TIME, expectedSeq: 7 }))
      await store.journal.append(drafts(1), { time: TIME })
      assert.equal(await heard.next(), 1, 'the first notification is the committed append')
    } finally {
      await listener.close()
      await store.close()
    }
  })
})
