/**
 * @module The manual incident trigger (`rina incident-response` over HTTP): a person declares the type and
 * severity; the engine checks health and recent logs now, opens or updates the incident and returns it with its
 * plan, hypotheses and prepared rollback.
 */
import { INCIDENT_SEVERITIES, INCIDENT_TYPES, incidentResponse } from '@rinawarp/engine'
import { z } from 'zod'
import { route } from '../route.ts'
import { envName } from '../schemas/common.ts'

const caseless = (values: readonly string[]) =>
  z.string().refine((s) => values.includes(s.toLowerCase()) || values.includes(s.toUpperCase()), {
    message: `one of ${values.join(', ')}`,
  })

export const incidentResponseRoutes = [
  route({
    method: 'POST',
    path: '/api/v1/incident-response',
    role: 'deployer',
    tag: 'incidents',
    summary: 'Trigger incident response now: health and logs are read, an incident opened or updated',
    body: z.strictObject({
      env: envName.optional().describe('Default: the production environment'),
      type: caseless(INCIDENT_TYPES)
        .optional()
        .describe(`One of ${INCIDENT_TYPES.join(', ')}`),
      severity: caseless(INCIDENT_SEVERITIES).optional().describe('SEV1 (most severe) to SEV4'),
    }),
    status: 201,
    response: z.strictObject({
      incident: z.record(z.string(), z.unknown()),
      opened: z.boolean(),
      health: z.strictObject({ healthy: z.boolean(), probes: z.array(z.record(z.string(), z.unknown())) }),
      logs: z.array(z.record(z.string(), z.unknown())),
      signals: z.array(z.record(z.string(), z.unknown())),
    }),
    handle: async ({ body }, { ctx, request }) => incidentResponse(ctx, { ...body, signal: request.signal }),
  }),
]
