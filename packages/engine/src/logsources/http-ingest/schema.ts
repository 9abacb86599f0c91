/** @module Config of the `http-ingest` log source: text or JSON lines POSTed to `rina serve`. */
import { z } from 'zod'
import { masksField } from '../mask-schema.ts'

export const httpIngestLogSourceSchema = z
  .object({
    type: z.literal('http-ingest'),
    token: z.string().min(16).describe('Bearer token senders present; use ${ENV_VAR}.'),
    format: z.enum(['auto', 'text', 'json']).default('auto'),
    masks: masksField,
    maxBodyBytes: z
      .number()
      .int()
      .min(1024)
      .max(64 * 1024 * 1024)
      .default(1024 * 1024)
      .describe('Largest request body accepted; larger ones get 413.'),
  })
  .strict()

export type HttpIngestLogSourceConfig = z.infer<typeof httpIngestLogSourceSchema>
