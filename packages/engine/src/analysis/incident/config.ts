/**
 * @module The `incident` section of rina.yml: correlation windows and playbook overrides by incident type. An
 * override extends a built-in playbook (a step with an existing id replaces it in place; a new one goes after
 * `after`, else before the resolve step) or replaces its steps; `remove` drops steps by id.
 */
import { z } from 'zod'
import { duration } from '../../config/common.ts'
import { parseDuration } from '../../domain/duration.ts'
import { builtInPlaybooks, PLACEHOLDERS } from './playbooks.ts'
import { INCIDENT_TYPES, STEP_ACTIONS, STEP_CONDITIONS } from './types.ts'

const stepId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'use lowercase letters, digits and dashes')

export const playbookStepSchema = z
  .object({
    id: stepId.describe('Step id, unique within the playbook; an existing id replaces that step.'),
    title: z.string().min(1).describe('What to do, in one line.'),
    owner: z.string().min(1).describe('Role that owns the step, e.g. "incident commander".'),
    command: z
      .string()
      .min(1)
      .optional()
      .describe(`Command to run; placeholders: ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`),
    human: z.boolean().default(false).describe('A decision a person takes; agents only recommend it.'),
    action: z.enum(STEP_ACTIONS).default('mitigate').describe('What the step does.'),
    when: z.enum(STEP_CONDITIONS).optional().describe('Only include the step under this condition.'),
    after: stepId.optional().describe('Extend mode: insert after this step id.'),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const m of (s.command ?? '').matchAll(/\{([^}]*)\}/g)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(m[1]!))
        ctx.addIssue({
          code: 'custom',
          message: `unknown placeholder {${m[1]}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
          path: ['command'],
        })
    }
  })

export const playbookOverrideSchema = z
  .object({
    mode: z
      .enum(['extend', 'replace'])
      .default('extend')
      .describe('extend the built-in steps, or replace them with `steps`.'),
    title: z.string().min(1).optional().describe('Playbook title.'),
    steps: z.array(playbookStepSchema).default([]),
    remove: z.array(stepId).default([]).describe('Step ids to drop from the built-in playbook.'),
  })
  .strict()
  .superRefine((o, ctx) => {
    const seen = new Set<string>()
    o.steps.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', message: `step id ${s.id} appears twice`, path: ['steps', i, 'id'] })
      seen.add(s.id)
      if (o.mode === 'replace' && s.after !== undefined)
        ctx.addIssue({
          code: 'custom',
          message: '`after` only applies in extend mode',
          path: ['steps', i, 'after'],
        })
    })
    if (o.mode === 'replace' && o.steps.length === 0)
      ctx.addIssue({
        code: 'custom',
        message: 'a replaced playbook needs at least one step',
        path: ['steps'],
      })
  })

export const incidentConfigSchema = z
  .object({
    dedupWindow: duration('Identical signals closer than this count once.').default('5m'),
    mergeWindow: duration('Signals on the same service closer than this belong to one incident.').default(
      '10m',
    ),
    deployWindow: duration('How long after a deploy an incident counts as following it.').default('2h'),
    quietAfter: duration('An incident with no new signal for this long is offered to resolve.').default(
      '15m',
    ),
    playbooks: z
      .partialRecord(z.enum(INCIDENT_TYPES), playbookOverrideSchema)
      .default({})
      .describe('Overrides of the built-in playbooks, keyed by incident type.'),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (const [type, o] of Object.entries(c.playbooks)) {
      if (!o || o.mode === 'replace') continue
      const known = new Set(builtInPlaybooks[type as keyof typeof builtInPlaybooks].steps.map((s) => s.id))
      o.remove.forEach((id, i) => {
        if (!known.has(id))
          ctx.addIssue({
            code: 'custom',
            message: `${type} has no step ${id}; its steps: ${[...known].join(', ')}`,
            path: ['playbooks', type, 'remove', i],
          })
        known.delete(id)
      })
      o.steps.forEach((s, i) => {
        if (s.after !== undefined && !known.has(s.after))
          ctx.addIssue({
            code: 'custom',
            message: `${type} has no step ${s.after} to insert after; its steps: ${[...known].join(', ')}`,
            path: ['playbooks', type, 'steps', i, 'after'],
          })
        known.add(s.id)
      })
    }
  })

export type IncidentConfig = z.infer<typeof incidentConfigSchema>
export type PlaybookOverride = z.infer<typeof playbookOverrideSchema>

export const defaultIncidentConfig: IncidentConfig = incidentConfigSchema.parse({})

/** The windows in milliseconds, as correlate, prepareRollback and the context take them. */
export function incidentWindows(c: IncidentConfig) {
  const ms = (text: string) => parseDuration(text) ?? 0
  return {
    dedupWindowMs: ms(c.dedupWindow),
    mergeWindowMs: ms(c.mergeWindow),
    deployWindowMs: ms(c.deployWindow),
    quietMs: ms(c.quietAfter),
  }
}
