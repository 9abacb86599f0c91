import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { FIXED_NOW, readLines, runLogSourceConformance } from '../../testing/logsource.conformance.ts'
import { httpIngestLogSource } from './index.ts'
import type { HttpIngestSource } from './index.ts'
import { httpIngestLogSourceSchema } from './schema.ts'

const TOKEN = 'ingest-token-0123456789'

const source = (opts: { maxBodyBytes?: number; queueCapacity?: number } = {}): HttpIngestSource =>
  httpIngestLogSource(
    httpIngestLogSourceSchema.parse({ type: 'http-ingest', token: TOKEN, maxBodyBytes: opts.maxBodyBytes }),
    { name: 'edge', queueCapacity: opts.queueCapacity, now: () => FIXED_NOW },
  ) as HttpIngestSource

const post = (
  s: HttpIngestSource,
  body: BodyInit,
  type = 'text/plain',
  headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
) =>
  s.handle(
    new Request('http://rina.test/ingest/edge', {
      method: 'POST',
      body,
      headers: { 'content-type': type, ...headers },
      duplex: 'half',
    } as RequestInit),
  )

runLogSourceConformance({
  name: 'http-ingest',
  async create() {
    const s = source()
    return {
      source: s,
      name: 'edge',
      async write(lines) {
        const r = await post(s, lines.map((l) => `${l}\n`).join(''))
        assert.equal(r.status, 202)
      },
      close: async () => {},
    }
  },
})

describe('httpIngestLogSource', () => {
  it('answers 401 and queues nothing when the bearer token is missing or wrong', async () => {
    const s = source()
    assert.equal((await post(s, 'x\n', 'text/plain', {})).status, 401)
    const wrong = await post(s, 'x\n', 'text/plain', { authorization: `Bearer ${TOKEN}x` })
    assert.equal(wrong.status, 401)
    assert.equal(wrong.headers.get('www-authenticate'), 'Bearer')
    assert.equal((await post(s, 'x\n', 'text/plain', { authorization: TOKEN })).status, 401)
    assert.equal(s.load!().queued, 0)
  })

  it('answers 413 when the body is larger than the limit, declared or streamed', async () => {
    const s = source({ maxBodyBytes: 1024 })
    assert.equal((await post(s, 'y'.repeat(2000))).status, 413)
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode('z'.repeat(400)))
        c.close()
      },
    })
    assert.equal((await post(s, chunks)).status, 413)
    assert.equal(s.load!().queued, 0)
  })

  it('answers 429 when the queue has no room for the batch', async () => {
    const s = source({ queueCapacity: 3 })
    assert.equal((await post(s, 'a\nb\n')).status, 202)
    const full = await post(s, 'c\nd\n')
    assert.equal(full.status, 429)
    assert.equal(full.headers.get('retry-after'), '1')
    assert.equal((await post(s, 'a\nb\nc\nd\n')).status, 413, 'a batch larger than the queue never fits')
    const lines = await readLines(s, null, 2)
    assert.deepEqual(
      lines.map((l) => l.text),
      ['a', 'b'],
    )
    assert.equal((await post(s, 'c\nd\n')).status, 202)
  })

  it('reads one line per NDJSON value and per JSON array element', async () => {
    const s = source()
    const nd = await post(s, '{"msg":"one","level":"info"}\n\n{"msg":"two"}\n', 'application/x-ndjson')
    assert.deepEqual([nd.status, await nd.json()], [202, { accepted: 2 }])
    const arr = await post(s, JSON.stringify(['plain three', { msg: 'four' }]), 'application/json')
    assert.equal(arr.status, 202)
    const lines = await readLines(s, null, 4)
    assert.deepEqual(
      lines.map((l) => l.text),
      ['{"msg":"one","level":"info"}', '{"msg":"two"}', 'plain three', '{"msg":"four"}'],
    )
  })

  it('answers 400 for malformed JSON, 415 for other media types and 405 for other methods', async () => {
    const s = source()
    assert.equal((await post(s, '{"msg":"ok"}\nnot json\n', 'application/x-ndjson')).status, 400)
    assert.equal((await post(s, '[1,', 'application/json')).status, 400)
    assert.equal((await post(s, '<x/>', 'application/xml')).status, 415)
    const get = await s.handle(new Request('http://rina.test/ingest/edge'))
    assert.deepEqual([get.status, get.headers.get('allow')], [405, 'POST'])
  })

  it('strips carriage returns and skips blank lines when the body is plain text', async () => {
    const s = source()
    await post(s, 'first\r\n\r\nsecond\r\n')
    const lines = await readLines(s, null, 2)
    assert.deepEqual(
      lines.map((l) => l.text),
      ['first', 'second'],
    )
  })
})
