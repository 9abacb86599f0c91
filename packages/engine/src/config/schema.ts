/**
 * @module The one schema of rina.yml. The TypeScript types, the JSON Schema (`rina config schema`) and the
 * reference page (docs/config.md) are all derived from it. Adapter schemas live in their own folders.
 */
import { z } from 'zod'
import { incidentConfigSchema } from '../analysis/incident/config.ts'
import { agentsSchema } from '../agents/schema.ts'
import { preflightConfigSchema } from '../analysis/preflight/config.ts'
import { commandLogSourceSchema } from '../logsources/command/schema.ts'
import { fileLogSourceSchema } from '../logsources/file/schema.ts'
import { httpIngestLogSourceSchema } from '../logsources/http-ingest/schema.ts'
import { consoleChannelSchema } from '../notifiers/console/schema.ts'
import { emailChannelSchema } from '../notifiers/email/schema.ts'
import { slackChannelSchema } from '../notifiers/slack/schema.ts'
import { teamsChannelSchema } from '../notifiers/teams/schema.ts'
import { webhookChannelSchema } from '../notifiers/webhook/schema.ts'
import { commandProbeSchema } from '../probes/command/schema.ts'
import { electronFeedProbeSchema } from '../probes/electron-feed/schema.ts'
import { heartbeatProbeSchema } from '../probes/heartbeat/schema.ts'
import { httpProbeSchema } from '../probes/http/schema.ts'
import { tcpProbeSchema } from '../probes/tcp/schema.ts'
import { tlsProbeSchema } from '../probes/tls/schema.ts'
import { commandProviderSchema } from '../providers/command/schema.ts'
import { releaseDirProviderSchema } from '../providers/release-dir/schema.ts'
import { duration } from './common.ts'
import { referenceIssues } from './references.ts'

const name = (what: string) =>
  z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'use lowercase letters, digits and dashes, starting with a letter')
    .describe(what)

export const providerSchema = z.discriminatedUnion('type', [commandProviderSchema, releaseDirProviderSchema])
export const probeSchema = z.union([
  httpProbeSchema,
  tcpProbeSchema,
  commandProbeSchema,
  heartbeatProbeSchema,
  electronFeedProbeSchema,
  tlsProbeSchema,
])
export const logSourceSchema = z.discriminatedUnion('type', [
  fileLogSourceSchema,
  commandLogSourceSchema,
  httpIngestLogSourceSchema,
])
export const channelSchema = z.discriminatedUnion('type', [
  consoleChannelSchema,
  slackChannelSchema,
  teamsChannelSchema,
  webhookChannelSchema,
  emailChannelSchema,
])

export const serviceSchema = z
  .object({
    kind: z
      .enum(['website', 'api', 'worker', 'electron', 'other'])
      .default('other')
      .describe('What the service is.'),
    deploy: providerSchema.describe('How the service is deployed and rolled back.'),
    probes: z
      .array(probeSchema)
      .default([])
      .describe('Health probes; a deploy passes its health gate when all pass.'),
    logs: z.array(logSourceSchema).default([]).describe('Log sources the log analysis agent reads.'),
  })
  .strict()

export const approvalPolicySchema = z
  .object({
    required: z.number().int().min(0).max(10).default(1).describe('Human approvals a release needs.'),
    allowSelfApproval: z
      .boolean()
      .default(false)
      .describe('May the person who requested the release approve it (a one-person team says true).'),
    requirePassed: z
      .string()
      .optional()
      .describe(
        'Environment the release must have passed first (default: the previous one in promotion order).',
      ),
  })
  .strict()

export const healthGateSchema = z
  .object({
    passes: z.number().int().min(1).max(100).default(3).describe('Each probe must pass this many times...'),
    within: duration('...within this window.').default('2m'),
    soak: duration('Monitoring window after the gate passes.').default('1m'),
  })
  .strict()

export const environmentSchema = z
  .object({
    services: z.record(name('Service name.'), serviceSchema).describe('Services in deploy order.'),
    approval: approvalPolicySchema.optional().describe('Approval policy for deploys to this environment.'),
    health: healthGateSchema.default({ passes: 3, within: '2m', soak: '1m' }),
    autoRollback: z
      .boolean()
      .optional()
      .describe('Roll back automatically on failure (default: staging yes, production no).'),
  })
  .strict()

const weekdayTime = z
  .string()
  .regex(
    /^(mon|tue|wed|thu|fri|sat|sun)[a-z]* +([01]?\d|2[0-3]):[0-5]\d$/i,
    'expected a weekday and a time such as "Fri 16:00"',
  )

export const freezeWindowSchema = z
  .object({
    name: name('Window name.'),
    environments: z.array(z.string()).default(['production']).describe('Environments the window freezes.'),
    timezone: z.string().default('UTC').describe('IANA time zone, e.g. Europe/Berlin.'),
    weekly: z
      .object({
        from: weekdayTime.describe('Start, e.g. "Fri 16:00".'),
        to: weekdayTime.describe('End, e.g. "Mon 08:00".'),
      })
      .strict()
      .optional(),
    cron: z.string().optional().describe('Cron expression for the start (5 fields), with duration.'),
    duration: duration('Length of a cron window.').optional(),
    reason: z.string().optional().describe('Shown in freeze status.'),
  })
  .strict()
  .superRefine((w, ctx) => {
    const hasWeekly = w.weekly !== undefined
    const hasCron = w.cron !== undefined
    if (hasWeekly === hasCron)
      ctx.addIssue({ code: 'custom', message: 'set exactly one of weekly or cron', path: ['weekly'] })
    if (hasCron && w.duration === undefined)
      ctx.addIssue({ code: 'custom', message: 'a cron window needs a duration', path: ['duration'] })
  })

export const routeSchema = z
  .object({
    events: z.array(z.string()).default(['*']).describe('Event types, with * wildcards, e.g. "freeze.*".'),
    environments: z.array(z.string()).optional().describe('Only events of these environments.'),
    minSeverity: z.enum(['info', 'warning', 'critical']).default('info'),
    channels: z.array(z.string()).min(1).describe('Channel names to deliver to.'),
  })
  .strict()

export const deliverySchema = z
  .object({
    maxAttempts: z
      .number()
      .int()
      .min(1)
      .max(100)
      .default(8)
      .describe('Attempts before a message is dead-lettered.'),
    initialBackoff: duration('First retry delay; doubles each attempt, with jitter.').default('2s'),
    maxBackoff: duration('Longest retry delay.').default('5m'),
  })
  .strict()

export const notificationsSchema = z
  .object({
    channels: z.record(name('Channel name.'), channelSchema).default({}),
    default: z.array(z.string()).default([]).describe('Channels `rina notify` uses without --channel.'),
    routes: z.array(routeSchema).default([]).describe('Which events go to which channels.'),
    delivery: deliverySchema.default({ maxAttempts: 8, initialBackoff: '2s', maxBackoff: '5m' }),
  })
  .strict()

export const storeSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('sqlite'),
      path: z.string().default('.rina/state.db').describe('Database file, relative to rina.yml.'),
    })
    .strict(),
  z
    .object({
      type: z.literal('postgres'),
      url: z.string().describe('Connection string; use ${ENV_VAR}.'),
    })
    .strict(),
])

export const configSchema = z
  .object({
    version: z.literal(1).default(1).describe('Config format version.'),
    project: name('Project name, shown in messages.'),
    store: storeSchema.default({ type: 'sqlite', path: '.rina/state.db' }),
    environments: z
      .record(name('Environment name.'), environmentSchema)
      .describe('Environments in promotion order (staging before production).'),
    notifications: notificationsSchema.default({
      channels: {},
      default: [],
      routes: [],
      delivery: { maxAttempts: 8, initialBackoff: '2s', maxBackoff: '5m' },
    }),
    freeze: z
      .object({ windows: z.array(freezeWindowSchema).default([]) })
      .strict()
      .default({ windows: [] }),
    preflight: preflightConfigSchema
      .default({
        thresholds: { caution: 30, noGo: 70 },
        rules: {},
        allow: { paths: [], values: [] },
        historyMonths: 6,
      })
      .describe('Preflight analysis of the change about to ship: thresholds, rules and allowlists.'),
    agents: agentsSchema
      .default(agentsSchema.parse({}))
      .describe('The monitoring agents inside `rina serve`: health, deployment verification, communication.'),
    incident: incidentConfigSchema
      .default({
        dedupWindow: '5m',
        mergeWindow: '10m',
        deployWindow: '2h',
        quietAfter: '15m',
        playbooks: {},
      })
      .describe('Incident response: correlation windows and playbook overrides by incident type.'),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const issue of referenceIssues(c)) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path, params: { hint: issue.hint } })
    }
  })

export type RinaConfig = z.infer<typeof configSchema>
export type EnvironmentConfig = z.infer<typeof environmentSchema>
export type ServiceConfig = z.infer<typeof serviceSchema>
export type ChannelConfig = z.infer<typeof channelSchema>
export type FreezeWindowConfig = z.infer<typeof freezeWindowSchema>
export type ProbeConfig = z.infer<typeof probeSchema>
export type ProviderConfig = z.infer<typeof providerSchema>
export type LogSourceConfig = z.infer<typeof logSourceSchema>
export type RouteConfig = z.infer<typeof routeSchema>
