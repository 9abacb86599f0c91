/** @module Config of the Slack notifier (incoming webhook, Block Kit). */
import { z } from 'zod'

export const slackChannelSchema = z
  .object({
    type: z.literal('slack'),
    webhookUrl: z.string().url().describe('Slack incoming webhook URL; use ${ENV_VAR}, it is a secret.'),
    mention: z.string().optional().describe('Mention added to critical messages, e.g. <!here> or <@U123>.'),
    timeout: z.string().default('10s').describe('Request timeout (duration).'),
  })
  .strict()
  .describe('Slack incoming webhook; messages use Block Kit.')
