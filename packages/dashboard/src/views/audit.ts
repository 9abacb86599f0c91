/**
 * @module The audit trail: the result of verifying the journal's hash chain (kept current as events arrive) and
 * the newest events with actor and reason, filterable by type.
 */
import { badge, h, replace } from '../dom.ts'
import type { Model } from '../model.ts'
import type { View, ViewCtx } from './context.ts'

const SHOWN = 60

export function auditView(ctx: ViewCtx): View {
  const verdict = h('div', { 'data-testid': 'audit-verify', 'aria-live': 'polite' })
  const filter = h('input', {
    id: 'audit-filter',
    type: 'search',
    placeholder: 'freeze, deploy.started, incident…',
    oninput: () => {
      shown = ''
      view.render(ctx.store.model)
    },
  })
  const verify = h('button', { onclick: () => void ctx.refresh.load(['verify']) }, 'Verify now')
  const table = h('div', {})
  const el = h(
    'section',
    { id: 'audit', 'aria-labelledby': 'audit-h' },
    h('div', { class: 'section-head' }, h('h2', { id: 'audit-h' }, 'Audit trail'), verify),
    verdict,
    h('label', { for: 'audit-filter' }, 'Filter by type'),
    filter,
    table,
  )
  let shown = ''
  const view: View = {
    el,
    render(m: Model) {
      const q = filter.value.trim()
      const key = JSON.stringify([m.verify, m.audit.at(-1)?.seq, m.audit.length, q])
      if (key === shown) return
      shown = key
      const v = m.verify
      replace(
        verdict,
        !v
          ? h('p', { class: 'muted' }, 'Verifying…')
          : v.ok
            ? h(
                'p',
                {},
                badge('chain verified', 'ok'),
                ` ${v.verified} events, head #${v.head.seq} ${v.head.hash.slice(0, 16)}…`,
              )
            : h(
                'p',
                { class: 'error' },
                badge('chain broken', 'bad'),
                ` at #${v.break?.seq}: ${v.break?.problem} — ${v.break?.detail}`,
              ),
      )
      const rows = m.audit
        .filter((e) => !q || e.type.includes(q))
        .slice(-SHOWN)
        .reverse()
      replace(
        table,
        h(
          'table',
          { class: 'grid', 'data-testid': 'audit-events' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ...['#', 'Time', 'Event', 'Actor', 'Reason'].map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          h(
            'tbody',
            {},
            ...rows.map((e) =>
              h(
                'tr',
                {},
                h('td', { class: 'num' }, e.seq),
                h(
                  'td',
                  {},
                  h('time', { datetime: e.time, title: e.time }, e.time.replace('T', ' ').slice(0, 19)),
                ),
                h('td', {}, e.type),
                h('td', {}, `${e.actor.kind}:${e.actor.id}`),
                h('td', { class: 'detail' }, e.reason ?? ''),
              ),
            ),
          ),
        ),
      )
    },
  }
  return view
}
