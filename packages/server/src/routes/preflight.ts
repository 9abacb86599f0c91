/**
 * @module Preflight of uncommitted work: the client sends its working tree as a unified diff (so a remote server
 * reads the editor's files, not its own checkout) and gets the findings back; without a diff the server reads
 * the working tree of its own config directory. Read-only: nothing is journaled.
 */
import { analyzePreflight, parsePreflightDiff, runPreflight } from '@rinawarp/engine'
import type { CommandContext, PreflightReport } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'

/** 5 MB of diff text is far beyond any change a person reviews. */
const MAX_DIFF = 5_000_000

const findingSchema = z.strictObject({
  ruleId: z.string(),
  family: z.string(),
  severity: z.string(),
  file: z.string(),
  line: z.number().int(),
  endLine: z.number().int(),
  message: z.string(),
  evidence: z.string().nullable(),
  why: z.string(),
  fix: z.string(),
})

const reportSchema = z.strictObject({
  decision: z.string(),
  score: z.number(),
  summary: z.string(),
  findings: z.array(findingSchema),
  source: z.enum(['client-diff', 'server-working-tree']),
})

const hasElectron = (ctx: CommandContext) =>
  Object.values(ctx.config.environments).some((e) =>
    Object.values(e.services).some((s) => s.kind === 'electron'),
  )

const answer = (r: PreflightReport, source: 'client-diff' | 'server-working-tree') => ({
  decision: r.decision,
  score: r.score,
  summary: r.summary,
  findings: r.findings,
  source,
})

export const preflightRoutes = [
  route({
    method: 'POST',
    path: '/api/v1/preflight',
    role: 'viewer',
    tag: 'preflight',
    summary: 'Findings for uncommitted work: a unified diff sent by the client, else the server working tree',
    body: z.strictObject({
      diff: z
        .string()
        .max(MAX_DIFF)
        .optional()
        .describe('`git diff HEAD` of the working tree, untracked files as new-file diffs'),
    }),
    response: reportSchema,
    handle: async ({ body }, { ctx }) => {
      if (body.diff === undefined) {
        const run = await runPreflight(ctx, { workingTree: true })
        return answer(run.report, 'server-working-tree')
      }
      const change = parsePreflightDiff(body.diff, { base: 'HEAD', head: 'working-tree' })
      const report = analyzePreflight(change, {
        config: ctx.config.preflight,
        project: { electron: hasElectron(ctx) },
      })
      return answer(report, 'client-diff')
    },
  }),
]
