/** @module enqueueNotification builds one keyed item per channel; the body decodes back to the notification. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createMemoryOutbox } from '../store/memory/index.ts'
import { sampleNotification } from '../testing/notifier.conformance.ts'
import { decodeOutboxBody, enqueueNotification } from './outbox-body.ts'

describe('enqueueNotification', () => {
  it('enqueues one item per channel keyed <notification id>:<channel> when given several channels', async () => {
    const outbox = createMemoryOutbox()
    const n = sampleNotification()
    const items = await enqueueNotification(outbox, n, ['slack-ops', 'mail', 'slack-ops'], 1_000)
    assert.deepEqual(
      items.map((i) => [i.id, i.channel, i.idempotencyKey]),
      [
        ['ntf_000001:slack-ops', 'slack-ops', 'ntf_000001:slack-ops'],
        ['ntf_000001:mail', 'mail', 'ntf_000001:mail'],
      ],
    )
    assert.deepEqual(decodeOutboxBody(items[0]!.body), {
      ok: true,
      value: { channel: 'slack-ops', notification: n },
    })
  })

  it('stores nothing new when the same notification is enqueued again', async () => {
    const outbox = createMemoryOutbox()
    await enqueueNotification(outbox, sampleNotification(), ['ops'], 1_000)
    await enqueueNotification(outbox, sampleNotification({ title: 'changed' }), ['ops'], 2_000)
    const all = await outbox.list()
    assert.equal(all.length, 1)
    assert.equal(all[0]!.createdAt, 1_000)
  })
})

describe('decodeOutboxBody', () => {
  const scenarios: [name: string, body: string, want: string][] = [
    ['rejects text that is not JSON', '{', 'the outbox body is not JSON'],
    ['rejects a body without a channel', '{"notification":{}}', 'the outbox body has no channel'],
    [
      'names missing fields',
      '{"channel":"a","notification":{"id":"x","severity":"info"}}',
      'the notification lacks title, text, time, actor',
    ],
    [
      'rejects an unknown severity',
      '{"channel":"a","notification":{"id":"x","title":"t","text":"t","time":"t","actor":"a","severity":"loud"}}',
      'the notification has no known severity',
    ],
  ]
  for (const [name, body, want] of scenarios) {
    it(`${name} when decoding`, () => assert.deepEqual(decodeOutboxBody(body), { ok: false, error: want }))
  }
})
