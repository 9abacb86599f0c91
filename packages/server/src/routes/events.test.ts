/**
 * @module The event stream: journal events in sequence order with id = seq, replay after `since`, resume with
 * Last-Event-ID without loss or repeats, filters, metrics frames, and streams ended when the app closes.
 */
import assert from 'node:assert/strict'
import { afterEach, describe, it } from 'node:test'
import type { Harness } from '../testing/harness.ts'
import { harness } from '../testing/harness.ts'
import type { SseFrame } from '../testing/sse-reader.ts'
import { readFrames } from '../testing/sse-reader.ts'

let h: Harness
afterEach(() => h.close())

const journal = (frames: SseFrame[]) => frames.filter((f) => f.event === 'journal')
const seqs = (frames: SseFrame[]) => journal(frames).map((f) => Number(f.id))
const freeze = (env: string, n: number) =>
  h.call('POST', `/api/v1/freeze/${n % 2 ? 'enable' : 'disable'}`, { body: { env, reason: `step ${n}` } })

describe('GET /api/v1/events', () => {
  it('streams live events in sequence order with the sequence as id when no starting point is given', async () => {
    h = await harness()
    const head = (await h.ctx.store.journal.head()).seq
    const s = readFrames(await h.call('GET', '/api/v1/events', { token: h.tokens.viewer }))
    await s.until((f) => f.some((x) => x.event === 'live'))
    for (let n = 1; n <= 6; n++) await freeze('staging', n)
    const frames = await s.until((f) => journal(f).length === 6)
    assert.deepEqual(
      seqs(frames),
      [1, 2, 3, 4, 5, 6].map((i) => head + i),
    )
    for (const f of journal(frames)) assert.equal(JSON.parse(f.data).seq, Number(f.id))
    await s.stop()
  })

  it('replays what came after `since` before the live events', async () => {
    h = await harness()
    for (let n = 1; n <= 3; n++) await freeze('staging', n)
    const head = (await h.ctx.store.journal.head()).seq
    const s = readFrames(await h.call('GET', `/api/v1/events?since=${head - 2}`))
    await s.until((f) => f.some((x) => x.event === 'live'))
    await freeze('staging', 4)
    const frames = await s.until((f) => journal(f).length === 3)
    assert.deepEqual(seqs(frames), [head - 1, head, head + 1])
    const live = frames.find((f) => f.event === 'live')!
    assert.equal(JSON.parse(live.data).seq, head)
    await s.stop()
  })

  it('resumes after Last-Event-ID with nothing lost or repeated when a client reconnects', async () => {
    h = await harness()
    const first = readFrames(await h.call('GET', '/api/v1/events?since=0'))
    for (let n = 1; n <= 4; n++) await freeze('staging', n)
    const seen = await first.until((f) => journal(f).some((x) => JSON.parse(x.data).reason === 'step 2'))
    const last = journal(seen).find((x) => JSON.parse(x.data).reason === 'step 2')!.id!
    await first.stop()
    for (let n = 5; n <= 6; n++) await freeze('staging', n)
    const again = readFrames(await h.call('GET', '/api/v1/events', { headers: { 'last-event-id': last } }))
    const head = (await h.ctx.store.journal.head()).seq
    const frames = await again.until((f) => seqs(f).at(-1) === head)
    assert.deepEqual(
      seqs(frames),
      Array.from({ length: head - Number(last) }, (_, i) => Number(last) + 1 + i),
    )
    await again.stop()
  })

  it('passes only the requested types and environment when filters are given', async () => {
    h = await harness()
    const s = readFrames(await h.call('GET', '/api/v1/events?types=freeze.enabled&env=production'))
    await s.until((f) => f.some((x) => x.event === 'live'))
    await freeze('staging', 1)
    await freeze('production', 1)
    await freeze('production', 2)
    await freeze('production', 3)
    const frames = await s.until((f) => journal(f).length === 2)
    assert.deepEqual(
      journal(frames).map((f) => JSON.parse(f.data).reason),
      ['step 1', 'step 3'],
    )
    await s.stop()
  })

  it('sends metrics frames while a client is connected', async () => {
    h = await harness({ metricsIntervalMs: 20 })
    const s = readFrames(await h.call('GET', '/api/v1/events'))
    const frames = await s.until((f) => f.some((x) => x.event === 'metrics'))
    const m = JSON.parse(frames.find((f) => f.event === 'metrics')!.data)
    assert.equal(m.streams, 1)
    assert.equal(typeof m.journal.seq, 'number')
    await s.stop()
  })

  it('answers 400 when Last-Event-ID is not a sequence number', async () => {
    h = await harness()
    const res = await h.call('GET', '/api/v1/events', { headers: { 'last-event-id': 'abc' } })
    assert.equal(res.status, 400)
    const body = (await res.json()) as { error: { details: { in: string; path: string }[] } }
    assert.deepEqual(body.error.details[0], {
      in: 'header',
      path: 'Last-Event-ID',
      message: 'expected a sequence number',
    })
  })

  it('ends open streams when the app closes', async () => {
    h = await harness()
    const s = readFrames(await h.call('GET', '/api/v1/events'))
    await s.until((f) => f.some((x) => x.event === 'live'))
    assert.equal(h.server.services.streams.size, 1)
    await h.close()
    await s.done
    assert.equal(h.server.services.streams.size, 0)
  })
})
