/**
 * @module A small client for the `rina serve` API: every answer is a value (`ApiResult`), a failure carries the
 * server's `{ code, message, hint, details }` or a NETWORK problem when nothing answered. No `vscode` import, so it
 * is tested against a real server without an editor.
 */
import type { ApiProblem, ApiResult } from './types.ts'

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>

export interface ClientOptions {
  baseUrl: string
  token: string | null
  fetch?: FetchLike
}

export class ApiClient {
  readonly baseUrl: string
  readonly #token: string | null
  readonly #fetch: FetchLike

  constructor(opts: ClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '')
    this.#token = opts.token
    this.#fetch = opts.fetch ?? ((url, init) => fetch(url, init))
  }

  get hasToken(): boolean {
    return this.#token !== null
  }

  /** true when `GET /api/health` answers ok (no token needed). */
  async alive(signal?: AbortSignal): Promise<boolean> {
    try {
      const res = await this.#fetch(`${this.baseUrl}/api/health`, {
        signal: signal ?? AbortSignal.timeout(3000),
      })
      return res.ok
    } catch {
      return false
    }
  }

  get<T>(path: string): Promise<ApiResult<T>> {
    return this.request<T>('GET', path)
  }

  post<T>(path: string, body: unknown): Promise<ApiResult<T>> {
    return this.request<T>('POST', path, body)
  }

  /** The raw response of a streaming route (server-sent events); a problem when it does not answer 200. */
  async stream(path: string, signal: AbortSignal): Promise<ApiResult<Response>> {
    try {
      const res = await this.#fetch(`${this.baseUrl}${path}`, {
        headers: { ...this.#auth(), accept: 'text/event-stream' },
        signal,
      })
      if (res.ok) return { ok: true, value: res }
      return { ok: false, problem: await problemOf(res) }
    } catch (e) {
      return { ok: false, problem: networkProblem(this.baseUrl, e) }
    }
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { ...this.#auth(), accept: 'application/json' }
    const init: RequestInit = { method, headers }
    if (body !== undefined) {
      headers['content-type'] = 'application/json'
      init.body = JSON.stringify(body)
    }
    let res: Response
    try {
      res = await this.#fetch(`${this.baseUrl}${path}`, init)
    } catch (e) {
      return { ok: false, problem: networkProblem(this.baseUrl, e) }
    }
    if (!res.ok) return { ok: false, problem: await problemOf(res) }
    return { ok: true, value: (await res.json()) as T }
  }

  #auth(): Record<string, string> {
    return this.#token ? { authorization: `Bearer ${this.#token}` } : {}
  }
}

export function networkProblem(baseUrl: string, e: unknown): ApiProblem {
  const why = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e)
  return {
    status: 0,
    code: 'NETWORK',
    message: `rina serve at ${baseUrl} did not answer (${why})`,
    hint: 'start it with `rina serve`, or set rinawarp.serverUrl to where it runs',
    details: null,
  }
}

async function problemOf(res: Response): Promise<ApiProblem> {
  const text = await res.text().catch(() => '')
  try {
    const { error } = JSON.parse(text) as { error: Omit<ApiProblem, 'status'> }
    return { status: res.status, ...error, hint: error.hint ?? null, details: error.details ?? null }
  } catch {
    return {
      status: res.status,
      code: 'HTTP',
      message: `the server answered ${res.status} ${res.statusText}`.trim(),
      hint: null,
      details: text.slice(0, 200) || null,
    }
  }
}
