/** @module The exact Block Kit payload for a sample notification, asserted as data. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sampleNotification } from '../../testing/notifier.conformance.ts'
import { escapeMrkdwn, renderSlack } from './render.ts'

describe('renderSlack', () => {
  it('renders header, text, fields, next action, link and context when every field is set', () => {
    assert.deepEqual(renderSlack(sampleNotification(), '<!here>'), {
      text: '[critical] production: Deploy of api 1.4.2 to production failed',
      body: {
        text: '[critical] production: Deploy of api 1.4.2 to production failed',
        blocks: [
          {
            type: 'header',
            text: { type: 'plain_text', text: 'Deploy of api 1.4.2 to production failed', emoji: true },
          },
          {
            type: 'section',
            text: {
              type: 'mrkdwn',
              text: '<!here> Health check /healthz returned 503 three times after the switch.\nThe previous release is still on disk.',
            },
          },
          {
            type: 'section',
            fields: [
              { type: 'mrkdwn', text: '*Release*\napi@1.4.2' },
              { type: 'mrkdwn', text: '*Service*\napi' },
            ],
          },
          {
            type: 'section',
            text: { type: 'mrkdwn', text: '*Next:* `rina rollback production --to 1.4.1`' },
          },
          {
            type: 'section',
            text: { type: 'mrkdwn', text: '<https://rina.example.com/runs/42|Open in RinaWarp>' },
          },
          {
            type: 'context',
            elements: [
              {
                type: 'mrkdwn',
                text: '*production* · :rotating_light: critical · 2026-01-05T10:00:00.000Z · by ana@example.com',
              },
            ],
          },
        ],
      },
    })
  })

  it('leaves out optional blocks and the mention when the notification is minimal and not critical', () => {
    const n = sampleNotification({
      severity: 'info',
      env: null,
      facts: [],
      nextAction: null,
      url: null,
      text: 'ok',
    })
    assert.deepEqual(renderSlack(n, '<!here>').body, {
      text: '[info] Deploy of api 1.4.2 to production failed',
      blocks: [
        {
          type: 'header',
          text: { type: 'plain_text', text: 'Deploy of api 1.4.2 to production failed', emoji: true },
        },
        { type: 'section', text: { type: 'mrkdwn', text: 'ok' } },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: ':information_source: info · 2026-01-05T10:00:00.000Z · by ana@example.com',
            },
          ],
        },
      ],
    })
  })

  it('repeats the title in the section when the text is empty (Slack rejects an empty section)', () => {
    const blocks = (
      renderSlack(sampleNotification({ text: '' })).body as { blocks: { text?: { text: string } }[] }
    ).blocks
    assert.equal(blocks[1]!.text!.text, 'Deploy of api 1.4.2 to production failed')
  })

  it('escapes mrkdwn control characters and clips to Block Kit limits when text is long or odd', () => {
    assert.equal(escapeMrkdwn('a <b> & c'), 'a &lt;b&gt; &amp; c')
    const long = sampleNotification({
      title: 'T'.repeat(400),
      text: 'x'.repeat(5000),
      facts: Array.from({ length: 14 }, (_, i) => ({ label: `f${i}`, value: 'v' })),
    })
    const blocks = (renderSlack(long).body as { blocks: { text?: { text: string }; fields?: unknown[] }[] })
      .blocks
    assert.equal(blocks[0]!.text!.text.length, 150)
    assert.equal(blocks[1]!.text!.text.length, 3000)
    assert.equal(blocks[2]!.fields!.length, 10)
  })
})
