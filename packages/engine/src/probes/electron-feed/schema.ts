/** @module Config of the `electron-feed` probe: the auto-update feed serves the deployed version. */
import { z } from 'zod'
import { probeCommon } from '../../config/common.ts'

export const electronFeedProbeSchema = z
  .object({
    ...probeCommon,
    type: z.literal('electron-feed'),
    url: z.string().url().describe('URL of latest.yml (or latest-mac.yml / latest-linux.yml).'),
    checkArtifact: z.boolean().default(true).describe('Request the artifact URL and expect it to answer.'),
    verifySha512: z.boolean().default(false).describe('Download the artifact and compare its sha512.'),
  })
  .strict()
