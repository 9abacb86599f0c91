/** @module The Microsoft Teams notifier: Adaptive Cards to a workflow (Power Automate) webhook. */
import { parseDuration } from '../../domain/duration.ts'
import { postJson } from '../http-post.ts'
import { urlSecrets } from '../secrets.ts'
import type { NotifierFactory } from '../types.ts'
import { renderTeams } from './render.ts'
import type { teamsChannelSchema } from './schema.ts'
import type { z } from 'zod'

export type TeamsChannelConfig = z.output<typeof teamsChannelSchema>

export const teamsNotifier: NotifierFactory<TeamsChannelConfig> = (config) => {
  const timeoutMs = parseDuration(config.timeout) ?? 10_000
  const secrets = urlSecrets(config.webhookUrl)
  return {
    type: 'teams',
    render: renderTeams,
    send: (msg, ctx) =>
      postJson(
        { url: config.webhookUrl, body: JSON.stringify(msg.body), headers: {}, timeoutMs, secrets },
        ctx,
      ),
  }
}
