/** @module Config of the `command` log source: lines from a long-running command such as `journalctl -f`. */
import { z } from 'zod'
import { duration } from '../../config/common.ts'
import { masksField } from '../mask-schema.ts'

export const commandLogSourceSchema = z
  .object({
    type: z.literal('command'),
    run: z.string().min(1),
    format: z.enum(['auto', 'text', 'json']).default('auto'),
    masks: masksField,
    initialBackoff: duration('Wait before restarting a command that exited; doubles each time.').default(
      '1s',
    ),
    maxBackoff: duration('Longest wait between restarts.').default('1m'),
  })
  .strict()

export type CommandLogSourceConfig = z.infer<typeof commandLogSourceSchema>
