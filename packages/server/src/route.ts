/**
 * @module A route as data: method, path, the least role that may call it, zod schemas of its inputs and output,
 * and a handler that calls one engine command. The same list registers the Hono handlers, produces the OpenAPI
 * document and drives the tests that check every route's 401, 403 and 400.
 */
import type { CommandContext, Role } from '@rinawarp/engine'
import type { z } from 'zod'
import type { Caller } from './auth/bearer.ts'
import type { AppServices } from './services.ts'

export type Method = 'GET' | 'POST' | 'DELETE'

export interface RouteEnv {
  /** The command context with the caller as the human actor. */
  ctx: CommandContext
  caller: Caller
  services: AppServices
  /** The raw request (for streaming routes: headers such as Last-Event-ID, and the abort signal). */
  request: Request
}

type Shape = z.ZodObject | undefined
type In<S> = S extends z.ZodType ? z.output<S> : undefined

export interface RouteDef<P extends Shape, Q extends Shape, B extends z.ZodType | undefined> {
  method: Method
  /** Hono path syntax (`/api/v1/runs/:runId`). */
  path: string
  role: Role
  /** false only for the health endpoint: every other route needs a bearer token. */
  auth?: boolean
  /** Resource group in the OpenAPI document. */
  tag: string
  summary: string
  params?: P
  query?: Q
  body?: B
  /** Status of a successful answer (default 200). */
  status?: 200 | 201 | 202
  /** JSON output, or the data of each frame for streams. */
  response: z.ZodType
  /** Default application/json. A handler returning a Response sends it as is. */
  contentType?: 'application/json' | 'text/event-stream' | 'text/plain'
  handle(input: { params: In<P>; query: In<Q>; body: In<B> }, env: RouteEnv): Promise<unknown>
}

export interface Route {
  method: Method
  path: string
  role: Role
  auth: boolean
  tag: string
  summary: string
  params?: z.ZodObject | undefined
  query?: z.ZodObject | undefined
  body?: z.ZodType | undefined
  status: 200 | 201 | 202
  response: z.ZodType
  contentType: 'application/json' | 'text/event-stream' | 'text/plain'
  handle(input: { params: unknown; query: unknown; body: unknown }, env: RouteEnv): Promise<unknown>
}

export function route<
  P extends Shape = undefined,
  Q extends Shape = undefined,
  B extends z.ZodType | undefined = undefined,
>(def: RouteDef<P, Q, B>): Route {
  return {
    ...def,
    auth: def.auth ?? true,
    status: def.status ?? 200,
    contentType: def.contentType ?? 'application/json',
    handle: def.handle as Route['handle'],
  }
}

/** Does the route take any input a client can get wrong? */
export const takesInput = (r: Route): boolean => Boolean(r.params || r.query || r.body)
