/** @module The registry builds each notifier from its config type; channelSecrets finds each config's secrets. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { channelSchema, type ChannelConfig } from '../config/schema.ts'
import { createChannels, createNotifier, notifiers } from './registry.ts'
import { channelSecrets } from './secrets.ts'

const configs: Record<string, ChannelConfig> = {
  term: channelSchema.parse({ type: 'console' }),
  chat: channelSchema.parse({
    type: 'slack',
    webhookUrl: 'https://hooks.slack.com/services/T01/B02/abcdefghijklmnopqrstuvwx',
  }),
  teams: channelSchema.parse({
    type: 'teams',
    webhookUrl:
      'https://prod.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sv=1.0&sig=SIGsigSIGsig0123456',
  }),
  hook: channelSchema.parse({
    type: 'webhook',
    url: 'https://example.com/hook?token=tok_0123456789ab',
    secret: 'whsec_0123456789abcdef',
  }),
  mail: channelSchema.parse({
    type: 'email',
    host: 'smtp.example.com',
    password: 'smtp-pass-1234',
    from: 'a@x',
    to: ['b@x'],
  }),
}

describe('createNotifier', () => {
  it('builds the notifier of each config type when given every kind', () => {
    for (const c of Object.values(configs)) assert.equal(createNotifier(c).type, c.type)
  })

  it('has exactly one factory per channel type in the config schema', () => {
    const types = channelSchema.options.map((o) => o.shape.type.value).sort()
    assert.deepEqual(Object.keys(notifiers).sort(), types)
  })

  it('keys notifiers by channel name when creating channels', () => {
    assert.deepEqual(
      Object.entries(createChannels(configs)).map(([name, n]) => [name, n.type]),
      Object.entries(configs).map(([name, c]) => [name, c.type]),
    )
  })
})

describe('channelSecrets', () => {
  const scenarios: [name: string, want: string[]][] = [
    ['term', []],
    [
      'chat',
      [
        'https://hooks.slack.com/services/T01/B02/abcdefghijklmnopqrstuvwx',
        '/services/T01/B02/abcdefghijklmnopqrstuvwx',
        'abcdefghijklmnopqrstuvwx',
      ],
    ],
    [
      'teams',
      [
        'https://prod.westus.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?sv=1.0&sig=SIGsigSIGsig0123456',
        '/workflows/abc/triggers/manual/paths/invoke?sv=1.0&sig=SIGsigSIGsig0123456',
        'SIGsigSIGsig0123456',
      ],
    ],
    ['hook', ['whsec_0123456789abcdef', 'tok_0123456789ab']],
    ['mail', ['smtp-pass-1234']],
  ]
  for (const [name, want] of scenarios) {
    it(`finds the secrets of the ${name} channel when reading its config`, () =>
      assert.deepEqual(channelSecrets(configs[name]!), want))
  }
})
