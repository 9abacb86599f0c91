/** @module The exact Teams workflow payload (Adaptive Card 1.4) for a sample notification, asserted as data. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { sampleNotification } from '../../testing/notifier.conformance.ts'
import { renderTeams } from './render.ts'

describe('renderTeams', () => {
  it('renders a message with one Adaptive Card attachment when every field is set', () => {
    assert.deepEqual(renderTeams(sampleNotification()), {
      text: '[critical] production: Deploy of api 1.4.2 to production failed',
      body: {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            contentUrl: null,
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              type: 'AdaptiveCard',
              version: '1.4',
              body: [
                {
                  type: 'TextBlock',
                  text: 'Deploy of api 1.4.2 to production failed',
                  size: 'Large',
                  weight: 'Bolder',
                  color: 'Attention',
                  wrap: true,
                },
                {
                  type: 'TextBlock',
                  text: 'Health check /healthz returned 503 three times after the switch.\nThe previous release is still on disk.',
                  wrap: true,
                },
                {
                  type: 'FactSet',
                  facts: [
                    { title: 'Environment', value: 'production' },
                    { title: 'Severity', value: 'critical' },
                    { title: 'Release', value: 'api@1.4.2' },
                    { title: 'Service', value: 'api' },
                  ],
                },
                {
                  type: 'TextBlock',
                  text: '**Next:** rina rollback production --to 1.4.1',
                  wrap: true,
                  fontType: 'Monospace',
                },
                {
                  type: 'TextBlock',
                  text: '2026-01-05T10:00:00.000Z · by ana@example.com',
                  isSubtle: true,
                  size: 'Small',
                  wrap: true,
                },
              ],
              msteams: { width: 'Full' },
              actions: [
                {
                  type: 'Action.OpenUrl',
                  title: 'Open in RinaWarp',
                  url: 'https://rina.example.com/runs/42',
                },
              ],
            },
          },
        ],
      },
    })
  })

  it('leaves out the next action and the link when the notification has none', () => {
    const n = sampleNotification({ severity: 'warning', env: null, facts: [], nextAction: null, url: null })
    const card = (renderTeams(n).body as { attachments: { content: Record<string, unknown> }[] })
      .attachments[0]!.content
    assert.equal(card.actions, undefined)
    assert.deepEqual(
      (card.body as { type: string; color?: string; facts?: unknown }[]).map((b) => [
        b.type,
        b.color,
        b.facts,
      ]),
      [
        ['TextBlock', 'Warning', undefined],
        ['TextBlock', undefined, undefined],
        ['FactSet', undefined, [{ title: 'Severity', value: 'warning' }]],
        ['TextBlock', undefined, undefined],
      ],
    )
  })
})
