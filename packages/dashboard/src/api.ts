/**
 * @module The API client: JSON requests with the bearer token. Failures are values (`{ ok: false, error }`) with
 * the server's code, message and hint, so each view shows what happened and what to do next.
 */

export interface ApiProblem {
  status: number
  code: string
  message: string
  hint: string | null
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiProblem }

export interface Api {
  readonly base: string
  readonly token: string
  get<T>(path: string): Promise<ApiResult<T>>
  post<T>(path: string, body: unknown): Promise<ApiResult<T>>
  /** A raw streaming request (the event stream). */
  stream(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response>
}

export function createApi(base: string, token: string, fetchFn: typeof fetch = fetch.bind(globalThis)): Api {
  const auth = { authorization: `Bearer ${token}` }
  const call = async <T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> => {
    let res: Response
    try {
      res = await fetchFn(`${base}${path}`, {
        method,
        headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    } catch (err) {
      return {
        ok: false,
        error: {
          status: 0,
          code: 'NETWORK',
          message: `the server did not answer: ${(err as Error).message}`,
          hint: 'is `rina serve` running?',
        },
      }
    }
    const data = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string; hint: string | null }
    } | null
    if (res.ok) return { ok: true, value: data as T }
    const e = data?.error
    return {
      ok: false,
      error: {
        status: res.status,
        code: e?.code ?? 'HTTP',
        message: e?.message ?? `the server answered ${res.status}`,
        hint: e?.hint ?? null,
      },
    }
  }
  return {
    base,
    token,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    stream: (path, headers, signal) =>
      fetchFn(`${base}${path}`, { headers: { ...auth, ...headers }, signal }),
  }
}
