/** @module Config of user masks: extra patterns whose matches a log source's templates turn into `<*>`. */
import { z } from 'zod'

const compiles = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'g')
    return true
  } catch {
    return false
  }
}

export const maskSchema = z
  .object({
    name: z.string().min(1).describe('What the pattern stands for, e.g. order-id.'),
    pattern: z
      .string()
      .min(1)
      .refine(compiles, 'not a valid regular expression')
      .describe('Regular expression (JavaScript syntax) matched inside each word of a line.'),
  })
  .strict()

export const masksField = z
  .array(maskSchema)
  .default([])
  .describe('Extra masks for this source: every match becomes a parameter (`<*>`) in templates.')

export type MaskConfig = z.infer<typeof maskSchema>
