/**
 * @module Reads a request's path parameters, query and JSON body through the route's zod schemas; every problem is
 * collected into one 400 (USAGE) whose details list each field: `{ in, path, message }`.
 */
import { RinaError } from '@rinawarp/engine'
import type { z } from 'zod'
import type { Route } from './route.ts'

export interface FieldError {
  in: 'path' | 'query' | 'body' | 'header'
  path: string
  message: string
}

export interface RawRequest {
  params: Record<string, string>
  query: Record<string, string>
  /** The body text ('' when none). */
  body: string
}

function check(schema: z.ZodType, value: unknown, where: FieldError['in'], out: FieldError[]): unknown {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  for (const issue of r.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [null]
    for (const key of keys) {
      const path = [...issue.path, ...(key === null ? [] : [key])].map(String).join('.')
      out.push({ in: where, path, message: key === null ? issue.message : 'not a known field' })
    }
  }
  return undefined
}

export function parseInput(r: Route, raw: RawRequest): { params: unknown; query: unknown; body: unknown } {
  const errors: FieldError[] = []
  const params = r.params ? check(r.params, raw.params, 'path', errors) : undefined
  const query = r.query ? check(r.query, raw.query, 'query', errors) : undefined
  let body: unknown
  if (r.body) {
    let parsed: unknown = {}
    let readable = true
    if (raw.body.trim() !== '') {
      try {
        parsed = JSON.parse(raw.body)
      } catch {
        readable = false
        errors.push({ in: 'body', path: '', message: 'the body is not valid JSON' })
      }
    }
    if (readable) body = check(r.body, parsed, 'body', errors)
  }
  if (errors.length) {
    throw new RinaError({
      code: 'USAGE',
      message: `the request is not valid: ${errors.map((e) => `${e.in}${e.path ? ` ${e.path}` : ''}: ${e.message}`).join('; ')}`,
      hint: 'see /api/openapi.json for the fields each route takes',
      details: errors,
    })
  }
  return { params, query, body }
}
