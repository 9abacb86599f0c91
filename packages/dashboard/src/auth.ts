/**
 * @module Where the token comes from: the URL fragment (`#token=…`, so a VS Code webview can pass it without it
 * reaching any server log; removed from the address bar at once), else this tab's sessionStorage, else the login
 * form. The fragment may also name the API's origin (`api=…`) when the page is not served by it.
 */

export const TOKEN_KEY = 'rina.token'

export interface Boot {
  token: string | null
  api: string
  /** The fragment left once token and api are taken out of it. */
  rest: string
}

/** Reads token and API origin from a fragment such as `#token=rwd_…&api=http://127.0.0.1:7070`. */
export function readBoot(hash: string, origin: string, stored: string | null): Boot {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('token')
  const api = params.get('api')
  params.delete('token')
  params.delete('api')
  const rest = params.toString()
  return {
    token: token && token.trim() !== '' ? token.trim() : stored,
    api: api ? api.replace(/\/+$/, '') : origin,
    rest: rest ? `#${rest}` : '',
  }
}
