/**
 * @module Test harness: an app over the memory store (or a given context) with one token per role, a request helper
 * for `app.request()` and the internal errors collected, so a test can assert none happened.
 */
import type { CommandContext, Role } from '@rinawarp/engine'
import { createToken, humanActor } from '@rinawarp/engine'
import { minimalConfig, testContext } from '@rinawarp/engine/testing'
import type { ServerApp } from '../app.ts'
import { createApp } from '../app.ts'
import type { RuntimeHook } from '../runtime.ts'

export interface Harness {
  server: ServerApp
  ctx: CommandContext
  /** A secret per role; users are `<role>@example.com`. */
  tokens: Record<Role, string>
  /** Internal errors and background failures seen by the app. */
  errors: unknown[]
  call(
    method: string,
    path: string,
    opts?: { token?: string | null; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Response>
  close(): Promise<void>
}

/** Fast environments: one command service, a short health gate and soak, staging then production. */
export function fastConfig(opts: { deploy?: string } = {}) {
  const svc = { deploy: { type: 'command', deploy: opts.deploy ?? 'true', rollback: 'true' } }
  const health = { passes: 1, within: '5s', soak: '10ms' }
  return minimalConfig({
    environments: {
      staging: { services: { api: svc }, health },
      production: { services: { api: svc }, health, approval: { required: 1 } },
    },
    notifications: { channels: { ops: { type: 'console' } }, default: ['ops'] },
  })
}

export async function harness(
  opts: { ctx?: CommandContext; runtime?: RuntimeHook[]; metricsIntervalMs?: number } = {},
): Promise<Harness> {
  const ctx = opts.ctx ?? testContext({ config: fastConfig(), actor: humanActor('operator@example.com') })
  const tokens = {} as Record<Role, string>
  for (const role of ['viewer', 'deployer', 'approver', 'admin'] as const) {
    tokens[role] = (await createToken(ctx, { user: `${role}@example.com`, role })).secret
  }
  const errors: unknown[] = []
  const server = await createApp({
    open: () => ctx,
    validateResponses: true,
    processMetrics: false,
    pollMs: 50,
    metricsIntervalMs: opts.metricsIntervalMs ?? 60_000,
    runtime: opts.runtime ?? [],
    onError: (err) => errors.push(err),
  })
  return {
    server,
    ctx,
    tokens,
    errors,
    call: (method, path, o = {}) => {
      const token = o.token === undefined ? tokens.admin : o.token
      const headers: Record<string, string> = { ...o.headers }
      if (token !== null) headers.authorization = `Bearer ${token}`
      if (o.body !== undefined) headers['content-type'] = 'application/json'
      const init: RequestInit = { method, headers }
      if (o.body !== undefined) init.body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body)
      if (o.signal) init.signal = o.signal
      return Promise.resolve(server.request(`http://rina.test${path}`, init))
    },
    close: () => server.close(),
  }
}
