/**
 * @module Builds the OpenAPI 3.1 document from the route table: paths, parameters, request bodies and answers all
 * come from the same zod schemas that validate requests (z.toJSONSchema), so the document cannot drift.
 */
import { z } from 'zod'
import type { Route } from './route.ts'
import { errorSchema } from './schemas/common.ts'

const json = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >
  return rest
}

const ERROR_REF = { $ref: '#/components/schemas/Error' }
const failure = (description: string) => ({
  description,
  content: { 'application/json': { schema: ERROR_REF } },
})

function parameters(r: Route) {
  const out: object[] = []
  for (const [where, obj] of [
    ['path', r.params],
    ['query', r.query],
  ] as const) {
    if (!obj) continue
    for (const [name, schema] of Object.entries(obj.shape as Record<string, z.ZodType>)) {
      out.push({
        name,
        in: where,
        required: where === 'path' || !schema.safeParse(undefined).success,
        ...(schema.description ? { description: schema.description } : {}),
        schema: json(schema, 'input'),
      })
    }
  }
  return out
}

function operation(r: Route) {
  const responses: Record<string, unknown> = {
    [r.status]: {
      description:
        r.contentType === 'text/event-stream' ? 'An event stream; each frame carries this data' : 'OK',
      content: { [r.contentType]: { schema: json(r.response, 'output') } },
    },
  }
  if (r.params || r.query || r.body) responses['400'] = failure('Invalid input: details lists each field')
  if (r.auth) {
    responses['401'] = failure('Missing, unknown or revoked token')
    if (r.role !== 'viewer') responses['403'] = failure(`Needs the ${r.role} role, or a gate refused`)
  }
  if (r.method !== 'GET') responses['409'] = failure('Frozen, locked, or the journal moved on')
  return {
    operationId: `${r.method.toLowerCase()}${r.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: r.summary,
    tags: [r.tag],
    ...(r.auth ? { 'x-rina-role': r.role } : { security: [] }),
    parameters: parameters(r),
    ...(r.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: json(r.body, 'input') } } },
        }
      : {}),
    responses,
  }
}

export function buildOpenApi(routes: readonly Route[], info: { version: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const r of routes) {
    const path = r.path.replace(/:([A-Za-z]+)/g, '{$1}')
    ;(paths[path] ??= {})[r.method.toLowerCase()] = operation(r)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'RinaWarp Deploy API',
      version: info.version,
      description:
        'Every command and view of `rina` over HTTP. Send `Authorization: Bearer rwd_…` (made with `rina token create`). ' +
        'Roles, lowest first: viewer, deployer, approver, admin. The token user is the actor in the journal.',
    },
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An rwd_… API token' } },
      schemas: { Error: json(errorSchema, 'output') },
    },
  }
}
