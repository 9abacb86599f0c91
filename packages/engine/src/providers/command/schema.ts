/** @module Config of the `command` deploy provider: the team's own deploy and rollback commands. */
import { z } from 'zod'
import { duration } from '../../config/common.ts'

export const commandProviderSchema = z
  .object({
    type: z.literal('command'),
    deploy: z
      .string()
      .min(1)
      .describe(
        'Shell command that deploys; gets RINA_ENV, RINA_SERVICE, RINA_RELEASE, RINA_PREVIOUS_RELEASE.',
      ),
    rollback: z
      .string()
      .min(1)
      .optional()
      .describe('Shell command that rolls back to RINA_RELEASE (the previous release).'),
    cwd: z.string().optional().describe('Working directory, relative to rina.yml.'),
    env: z.record(z.string(), z.string()).default({}).describe('Extra environment variables.'),
    timeout: duration('The command is killed and the step fails after this long.').default('10m'),
  })
  .strict()
  .describe("Runs the team's own deploy and rollback commands.")

export type CommandProviderConfig = z.infer<typeof commandProviderSchema>
