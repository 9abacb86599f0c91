/** @module The Slack notifier: Block Kit messages to an incoming webhook. */
import { parseDuration } from '../../domain/duration.ts'
import { postJson } from '../http-post.ts'
import { urlSecrets } from '../secrets.ts'
import type { NotifierFactory } from '../types.ts'
import { renderSlack } from './render.ts'
import type { slackChannelSchema } from './schema.ts'
import type { z } from 'zod'

export type SlackChannelConfig = z.output<typeof slackChannelSchema>

export const slackNotifier: NotifierFactory<SlackChannelConfig> = (config) => {
  const timeoutMs = parseDuration(config.timeout) ?? 10_000
  const secrets = urlSecrets(config.webhookUrl)
  return {
    type: 'slack',
    render: (n) => renderSlack(n, config.mention),
    send: (msg, ctx) =>
      postJson(
        { url: config.webhookUrl, body: JSON.stringify(msg.body), headers: {}, timeoutMs, secrets },
        ctx,
      ),
  }
}
