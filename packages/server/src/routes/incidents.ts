/**
 * @module Incident routes: list and show incidents with plan, prepared rollback and timeline, and a person's
 * actions: acknowledge, change the severity and resolve (with reasons). Each calls one engine command, as
 * `rina incident …` does; the trigger is POST /api/v1/incident-response.
 */
import {
  INCIDENT_SEVERITIES,
  acknowledgeIncident,
  escalateIncident,
  listIncidents,
  resolveIncident,
  showIncident,
} from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName, isoTime, reasonText } from '../schemas/common.ts'

const incidentId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'an incident id (or a unique prefix of one)')
const ref = z.strictObject({ incidentId })
const severity = z.enum(INCIDENT_SEVERITIES)

const summarySchema = z.strictObject({
  id: z.string(),
  env: z.string(),
  title: z.string(),
  type: z.string(),
  severity,
  assessed: severity,
  status: z.enum(['open', 'acknowledged', 'resolved']),
  services: z.array(z.string()),
  startedAt: isoTime,
  updatedAt: isoTime,
  signals: z.number().int(),
  next: z.string().nullable().describe('The one command to run next'),
})

const viewSchema = z
  .looseObject({
    id: z.string(),
    env: z.string(),
    title: z.string(),
    severity,
    assessed: severity,
    status: z.enum(['open', 'acknowledged', 'resolved']),
    factors: z.array(z.record(z.string(), z.unknown())),
    hypotheses: z.array(z.record(z.string(), z.unknown())),
    plan: z.record(z.string(), z.unknown()).nullable().describe('Steps, next command and prepared rollback'),
    timeline: z.array(z.strictObject({ time: isoTime, actor: z.string(), text: z.string() })),
    recovery: z.record(z.string(), z.unknown()),
  })
  .describe('An incident with its plan (derived now), timeline and recovery path')

const changeSchema = z.strictObject({
  incidentId: z.string(),
  changed: z.boolean(),
  seq: z.number().int().nullable(),
})

export const incidentRoutes = [
  route({
    method: 'GET',
    path: '/api/v1/incidents',
    role: 'viewer',
    tag: 'incidents',
    summary: 'Unresolved incidents (all with all=true), newest first',
    query: z.strictObject({
      all: z.enum(['true', 'false']).optional().describe('Include resolved incidents'),
      env: envName.optional(),
    }),
    response: z.strictObject({ incidents: z.array(summarySchema) }),
    handle: async ({ query }, { ctx }) => ({
      incidents: await listIncidents(ctx, { all: query.all === 'true', env: query.env }),
    }),
  }),
  route({
    method: 'GET',
    path: '/api/v1/incidents/:incidentId',
    role: 'viewer',
    tag: 'incidents',
    summary:
      'One incident: severity and factors, plan with next command, prepared rollback, hypotheses, timeline',
    params: ref,
    response: viewSchema,
    handle: async ({ params }, { ctx }) => showIncident(ctx, params.incidentId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/incidents/:incidentId/ack',
    role: 'deployer',
    tag: 'incidents',
    summary: 'Acknowledge an incident (the caller takes it on)',
    params: ref,
    body: z.strictObject({}),
    response: changeSchema,
    handle: async ({ params }, { ctx }) => acknowledgeIncident(ctx, params.incidentId),
  }),
  route({
    method: 'POST',
    path: '/api/v1/incidents/:incidentId/escalate',
    role: 'deployer',
    tag: 'incidents',
    summary: 'Change the severity (a person, with a reason)',
    params: ref,
    body: z.strictObject({ severity, reason: reasonText }),
    response: changeSchema.extend({ from: severity, to: severity }),
    handle: async ({ params, body }, { ctx }) => escalateIncident(ctx, params.incidentId, body),
  }),
  route({
    method: 'POST',
    path: '/api/v1/incidents/:incidentId/resolve',
    role: 'deployer',
    tag: 'incidents',
    summary: 'Resolve (a person, with a reason): writes the postmortem draft and starts the guided recovery',
    params: ref,
    body: z.strictObject({ reason: reasonText }),
    response: z.strictObject({
      incidentId: z.string(),
      seq: z.number().int(),
      postmortemPath: z.string().describe('Relative to the directory of rina.yml'),
      recovery: z.record(z.string(), z.unknown()),
    }),
    handle: async ({ params, body }, { ctx }) => {
      const { postmortem: _absolute, ...out } = await resolveIncident(ctx, params.incidentId, body)
      return out
    },
  }),
]
