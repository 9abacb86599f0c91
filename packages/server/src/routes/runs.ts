/**
 * @module Deploy and rollback routes: start (202 with the run id once the run has started; follow it on
 * /api/v1/events?runId=…), plan (dry run), the runs as projected from the journal, and a run's command output.
 */
import { RinaError, deploy, eventMatcher, readRunLog, rollback } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName, isoTime, journalEventSchema, reasonText, releaseId } from '../schemas/common.ts'
import { runStateSchema } from '../schemas/state.ts'
import type { StartedRun } from '../runs.ts'

const runId = z.string().regex(/^run_[A-Za-z0-9_-]{1,80}$/, 'a run id looks like run_…')

const runLogLineSchema = z.strictObject({
  seq: z.number().int().describe('Line number within the run, from 1'),
  time: isoTime,
  stream: z.enum(['stdout', 'stderr']),
  stepId: z
    .string()
    .nullable()
    .describe('The plan step that printed it; null on the marker of lines not kept'),
  service: z.string().nullable(),
  text: z.string(),
})

const runLogPageSchema = z.strictObject({
  runId: z.string(),
  lines: z.array(runLogLineSchema),
  next: z.number().int().describe('Pass as `after` for the lines that follow'),
  running: z.boolean().describe('More lines may come; once false, the log is complete'),
})

const startedSchema = z.strictObject({
  runId: z.string(),
  seq: z.number().int().describe('Sequence of the deploy.started event'),
  links: z.strictObject({ run: z.string(), events: z.string() }),
})

const started = (r: StartedRun) => ({
  ...r,
  links: {
    run: `/api/v1/runs/${r.runId}`,
    events: `/api/v1/events?runId=${encodeURIComponent(r.runId)}&since=${r.seq - 1}`,
  },
})

// The API has no terminal: a protected environment needs a prior approval of the release by a person.
const NON_INTERACTIVE = { interactive: false, ci: false } as const

export const runRoutes = [
  route({
    method: 'POST',
    path: '/api/v1/deploys',
    role: 'deployer',
    tag: 'deploys',
    summary:
      'Start a deploy; answers 202 once it runs. A protected environment needs a prior approval by a person.',
    body: z.strictObject({
      env: envName,
      release: releaseId.optional().describe('Default: the git commit at HEAD of the config directory'),
      acceptRisk: reasonText.optional().describe('Deploy despite a no-go preflight, with this reason'),
    }),
    status: 202,
    response: startedSchema,
    handle: async ({ body }, { ctx, services }) =>
      started(
        await services.runs.start(ctx, (c, signal) =>
          deploy(c, { ...body, confirm: NON_INTERACTIVE, signal }),
        ),
      ),
  }),
  route({
    method: 'POST',
    path: '/api/v1/deploys/plan',
    role: 'deployer',
    tag: 'deploys',
    summary: 'The plan a deploy would run (steps, commands, probes), without running it',
    body: z.strictObject({ env: envName, release: releaseId.optional() }),
    response: z.strictObject({ lines: z.array(z.string()), plan: z.record(z.string(), z.unknown()) }),
    handle: async ({ body }, { ctx }) => {
      const out = await deploy(ctx, { ...body, dryRun: true, confirm: NON_INTERACTIVE })
      return out.status === 'planned' ? { lines: out.lines, plan: out.plan } : { lines: [], plan: {} }
    },
  }),
  route({
    method: 'POST',
    path: '/api/v1/rollbacks',
    role: 'deployer',
    tag: 'deploys',
    summary: 'Switch an environment back to its previous (or a named) release; answers 202 once it runs',
    body: z.strictObject({ env: envName, to: releaseId.optional(), reason: reasonText }),
    status: 202,
    response: startedSchema,
    handle: async ({ body }, { ctx, services }) =>
      started(await services.runs.start(ctx, (c, signal) => rollback(c, { ...body, signal }))),
  }),
  route({
    method: 'GET',
    path: '/api/v1/runs',
    role: 'viewer',
    tag: 'deploys',
    summary: 'Deploy and rollback runs, newest first',
    query: z.strictObject({
      env: envName.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(50),
    }),
    response: z.strictObject({ runs: z.array(runStateSchema) }),
    handle: async ({ query }, { ctx }) => {
      const runs = Object.values((await ctx.journal.state()).runs)
      return {
        runs: runs
          .filter((r) => !query.env || r.env === query.env)
          .reverse()
          .slice(0, query.limit),
      }
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/runs/:runId',
    role: 'viewer',
    tag: 'deploys',
    summary: 'One run and its events so far',
    params: z.strictObject({ runId }),
    response: z.strictObject({ run: runStateSchema, events: z.array(journalEventSchema) }),
    handle: async ({ params }, { ctx }) => {
      const run = (await ctx.journal.state()).runs[params.runId]
      if (!run) {
        throw new RinaError({
          code: 'NOT_FOUND',
          message: `no run ${params.runId}`,
          hint: 'see GET /api/v1/runs',
        })
      }
      const mine = eventMatcher({ runId: params.runId })
      return {
        run,
        events: (await ctx.journal.query({ types: ['deploy.*', 'health.*', 'rollback.*'] })).filter(mine),
      }
    },
  }),
  route({
    method: 'GET',
    path: '/api/v1/runs/:runId/log',
    role: 'viewer',
    tag: 'deploys',
    summary:
      "A run's command output (redacted), the lines after `after`; follow it by asking again from `next` while `running`",
    params: z.strictObject({ runId }),
    query: z.strictObject({
      after: z.coerce
        .number()
        .int()
        .min(0)
        .default(0)
        .describe('Line number to read after (0: from the start)'),
      limit: z.coerce.number().int().min(1).max(5000).default(1000),
    }),
    response: runLogPageSchema,
    handle: async ({ params, query }, { ctx }) => readRunLog(ctx, { runId: params.runId, ...query }),
  }),
]
