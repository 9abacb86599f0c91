/** @module Config of the console notifier: prints to the terminal or the serve log. */
import { z } from 'zod'

export const consoleChannelSchema = z
  .object({
    type: z.literal('console'),
    stream: z.enum(['stdout', 'stderr']).default('stderr').describe('Where to print.'),
  })
  .strict()
  .describe('Prints notifications to the terminal (or the `rina serve` log).')
