/** @module The OpenAPI document of this API, generated from the route table's zod schemas. */
import { z } from 'zod'
import { route } from '../route.ts'

export const openapiRoutes = [
  route({
    method: 'GET',
    path: '/api/openapi.json',
    role: 'viewer',
    tag: 'meta',
    summary: 'This document (OpenAPI 3.1)',
    response: z.record(z.string(), z.unknown()),
    handle: async (_, { services }) => services.openapi(),
  }),
]
