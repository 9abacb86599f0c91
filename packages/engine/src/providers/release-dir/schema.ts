/** @module Config of the `release-dir` deploy provider: releases side by side with an atomic `current` symlink. */
import { z } from 'zod'
import { duration } from '../../config/common.ts'

export const releaseDirProviderSchema = z
  .object({
    type: z.literal('release-dir'),
    root: z.string().min(1).describe('Directory holding releases/<id>/ and the current symlink.'),
    source: z
      .string()
      .min(1)
      .describe('Build output to place as the release (directory); may use {release}.'),
    keep: z.number().int().min(2).max(100).default(5).describe('How many releases to keep.'),
    start: z
      .string()
      .optional()
      .describe('Command run after the switch (start or reload), in the new release.'),
    timeout: duration('Timeout of the start command.').default('2m'),
    env: z
      .record(z.string(), z.string())
      .default({})
      .describe('Extra environment variables of the start command.'),
  })
  .strict()
  .describe(
    'Places a build in releases/<id>/ and switches a current symlink atomically; rollback switches back.',
  )

export type ReleaseDirProviderConfig = z.infer<typeof releaseDirProviderSchema>
