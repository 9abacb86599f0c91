/** @module Release routes: the releases known, an approver's review, and approvals. */
import { approve, review } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName, journalEventSchema, probeSummarySchema, reasonText, releaseId } from '../schemas/common.ts'
import { approvalSchema, releaseStateSchema, runSummarySchema } from '../schemas/state.ts'

const reviewSchema = z.strictObject({
  release: releaseStateSchema,
  target: z.string(),
  comparedWith: z.strictObject({ release: z.string(), commit: z.string().nullable() }).nullable(),
  commits: z.array(z.string()),
  diffStat: z.string().nullable(),
  preflight: z.record(z.string(), z.unknown()).nullable().describe('The preflight.completed payload'),
  acceptedRiskReason: z.string().nullable(),
  runs: z.array(
    runSummarySchema.pick({ id: true, kind: true, status: true, startedAt: true, reason: true }).extend({
      env: z.string(),
      gate: z.array(probeSummarySchema).nullable(),
      soak: z.array(probeSummarySchema).nullable(),
    }),
  ),
  approvals: z.record(z.string(), z.array(approvalSchema)),
  approvalsNeeded: z.strictObject({ env: z.string(), required: z.number(), counting: z.number() }),
})

export const releaseRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/releases',
    role: 'viewer',
    tag: 'releases',
    summary: 'Releases known to the journal, oldest first',
    response: z.strictObject({ releases: z.array(releaseStateSchema) }),
    handle: async (_, { ctx }) => ({ releases: Object.values((await ctx.journal.state()).releases) }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/releases/:release/review',
    role: 'viewer',
    tag: 'releases',
    summary: 'What an approver needs: commits, preflight findings, validation and soak probe history',
    params: z.strictObject({ release: releaseId }),
    query: z.strictObject({ env: envName.optional() }),
    response: reviewSchema,
    handle: async ({ params, query }, { ctx }) => review(ctx, { release: params.release, env: query.env }),
  }),
  route({
    method: 'POST',
    path: '/api/v1/releases/:release/approvals',
    role: 'approver',
    tag: 'releases',
    summary: 'Approve a release for an environment (the caller, with a reason)',
    params: z.strictObject({ release: releaseId }),
    body: z.strictObject({ env: envName.default('production'), reason: reasonText }),
    status: 201,
    response: z.strictObject({ event: journalEventSchema }),
    handle: async ({ params, body }, { ctx }) => ({
      event: await approve(ctx, { release: params.release, env: body.env, reason: body.reason }),
    }),
  }),
]
