/** @module The top bar: project navigation, the live connection's state, who is signed in, theme and sign-out. */
import { h, replace } from '../dom.ts'
import type { LiveState } from '../live.ts'
import type { Model } from '../model.ts'
import { currentTheme, toggleTheme } from '../theme.ts'
import type { View, ViewCtx } from './context.ts'

const LIVE_TEXT: Record<LiveState, string> = {
  connecting: 'connecting…',
  live: 'live',
  reconnecting: 'reconnecting…',
  unauthorized: 'token refused',
}

const SECTIONS = [
  ['environments', 'Environments'],
  ['health', 'Health'],
  ['runs', 'Runs'],
  ['approvals', 'Approvals'],
  ['incidents', 'Incidents'],
  ['audit', 'Audit'],
] as const

export function headerView(ctx: ViewCtx, signOut: () => void): View {
  const live = h('span', { class: 'live', 'data-testid': 'live-state', role: 'status' })
  const counts = h('span', { class: 'muted counts' })
  const theme = h(
    'button',
    {
      'aria-label': 'Switch between dark and light theme',
      'data-testid': 'theme-toggle',
      onclick: () => (theme.textContent = label(toggleTheme())),
    },
    label(currentTheme()),
  )
  const el = h(
    'header',
    { class: 'top' },
    h('strong', { class: 'brand' }, 'RinaWarp Deploy'),
    h('nav', { 'aria-label': 'Sections' }, ...SECTIONS.map(([id, text]) => h('a', { href: `#${id}` }, text))),
    h('span', { class: 'spacer' }),
    counts,
    live,
    h('span', { class: 'who', 'data-testid': 'who' }, `${ctx.me.user} (${ctx.me.role})`),
    theme,
    h('button', { onclick: signOut }, 'Sign out'),
  )
  return {
    el,
    render(m: Model) {
      live.className = `live ${m.live}`
      live.textContent = LIVE_TEXT[m.live]
      const open = m.incidents.filter((i) => i.status !== 'resolved').length
      replace(
        counts,
        m.metrics ? `#${m.metrics.journal.seq} · ` : '',
        `${open} open incident${open === 1 ? '' : 's'}`,
      )
    },
  }
}

function label(t: 'dark' | 'light'): string {
  return t === 'dark' ? 'Light theme' : 'Dark theme'
}
