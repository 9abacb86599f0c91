/**
 * @module The token form, shown when no token came in the URL fragment or this tab's session: the token is
 * checked against GET /api/v1/me before it is kept (sessionStorage: gone when the tab closes).
 */
import { createApi } from '../api.ts'
import { h } from '../dom.ts'
import type { Me } from '../types.ts'

export function loginView(
  base: string,
  problem: string | null,
  onToken: (token: string, me: Me) => void,
): HTMLElement {
  const input = h('input', {
    id: 'token',
    type: 'password',
    autocomplete: 'off',
    required: true,
    placeholder: 'rwd_…',
    'aria-describedby': 'token-help token-err',
    'data-testid': 'login-token',
  })
  const error = h('p', { id: 'token-err', class: 'error', role: 'alert', hidden: !problem }, problem ?? '')
  const form = h(
    'form',
    {
      class: 'login card',
      onsubmit: async (ev: Event) => {
        ev.preventDefault()
        const token = input.value.trim()
        const r = await createApi(base, token).get<Me>('/api/v1/me')
        if (r.ok) return onToken(token, r.value)
        error.textContent = `${r.error.message}${r.error.hint ? ` — ${r.error.hint}` : ''}`
        error.hidden = false
        input.focus()
      },
    },
    h('h1', {}, 'RinaWarp Deploy'),
    h('label', { for: 'token' }, 'API token'),
    input,
    h(
      'p',
      { id: 'token-help', class: 'muted' },
      'Make one with ',
      h('code', {}, 'rina token create --user YOU --role viewer'),
      '. It is kept for this tab only.',
    ),
    error,
    h('button', { type: 'submit', class: 'primary', 'data-testid': 'login-submit' }, 'Open the panel'),
  )
  queueMicrotask(() => input.focus())
  return h('main', { id: 'main' }, form)
}
