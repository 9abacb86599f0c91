/** @module The `agents` section of rina.yml: how the monitoring agents inside `rina serve` watch and report. */
import { z } from 'zod'
import { duration } from '../config/common.ts'

export const healthAgentSchema = z
  .object({
    minInterval: duration(
      'Probes run no more often than this, whatever their own interval (at least 1s).',
    ).default('1s'),
    concurrency: z.number().int().min(1).max(64).default(8).describe('Probes running at once.'),
    failAfter: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(3)
      .describe('Consecutive failures before a probe counts as unhealthy.'),
    recoverAfter: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(2)
      .describe('Consecutive successes before an unhealthy probe counts as healthy again.'),
    retention: z
      .object({
        samples: duration('How long raw probe results are kept.').default('24h'),
        rollups: duration('How long 1-minute rollups (count, failures, p50/p95/p99) are kept.').default(
          '30d',
        ),
      })
      .strict()
      .default({ samples: '24h', rollups: '30d' }),
  })
  .strict()

export const deploymentAgentSchema = z
  .object({
    window: duration('Verification window after a deploy, compared with the same span before it.').default(
      '5m',
    ),
    successDrop: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe('A probe success rate falling by more than this (0..1) is a regression.'),
    latencyFactor: z
      .number()
      .min(1)
      .default(2)
      .describe('A probe p95 latency growing by more than this factor (and 50 ms) is a regression.'),
    errorFactor: z
      .number()
      .min(1)
      .default(3)
      .describe(
        'An error template seen this many times more often than before (at least 5 lines) is a regression.',
      ),
  })
  .strict()

export const communicationAgentSchema = z
  .object({
    groupWait: duration('Wait before the first message of a new group, to gather related events.').default(
      '10s',
    ),
    groupInterval: duration('Least time between messages of one group about new events.').default('1m'),
    repeatInterval: duration('Repeat a notice about an unresolved incident this often.').default('4h'),
  })
  .strict()

export const agentsSchema = z
  .object({
    health: healthAgentSchema.default({
      minInterval: '1s',
      concurrency: 8,
      failAfter: 3,
      recoverAfter: 2,
      retention: { samples: '24h', rollups: '30d' },
    }),
    deployment: deploymentAgentSchema.default({
      window: '5m',
      successDrop: 0.1,
      latencyFactor: 2,
      errorFactor: 3,
    }),
    communication: communicationAgentSchema.default({
      groupWait: '10s',
      groupInterval: '1m',
      repeatInterval: '4h',
    }),
  })
  .strict()

export type AgentsConfig = z.infer<typeof agentsSchema>
