/** @module Config of the `file` log source: follows a file across rotation and truncation. */
import { z } from 'zod'
import { masksField } from '../mask-schema.ts'

export const fileLogSourceSchema = z
  .object({
    type: z.literal('file'),
    path: z.string().min(1),
    from: z.enum(['end', 'start']).default('end'),
    format: z.enum(['auto', 'text', 'json']).default('auto'),
    masks: masksField,
  })
  .strict()

export type FileLogSourceConfig = z.infer<typeof fileLogSourceSchema>
