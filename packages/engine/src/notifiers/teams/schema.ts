/** @module Config of the Microsoft Teams notifier (workflow webhook, Adaptive Card). */
import { z } from 'zod'

export const teamsChannelSchema = z
  .object({
    type: z.literal('teams'),
    webhookUrl: z
      .string()
      .url()
      .describe('Teams workflow (Power Automate) webhook URL; use ${ENV_VAR}, it is a secret.'),
    timeout: z.string().default('10s').describe('Request timeout (duration).'),
  })
  .strict()
  .describe('Microsoft Teams workflow webhook; messages are Adaptive Cards.')
