/**
 * @module Health per service and probe, with live latency and failure charts per service for one environment
 * (from health checks, deploy gates and the health agent's probe samples), and a "check now" action.
 */
import { createChart } from '../chart.ts'
import { badge, h, replace, timeEl } from '../dom.ts'
import type { Model } from '../model.ts'
import { chartData, pointsOf } from '../series.ts'
import { problemText, toast } from '../toast.ts'
import type { EnvStatus } from '../types.ts'
import type { View, ViewCtx } from './context.ts'
import { may } from './context.ts'

function probesTable(e: EnvStatus | undefined): HTMLElement {
  const probes = e?.health?.probes ?? []
  if (!probes.length) return h('p', { class: 'muted' }, 'No health check recorded yet.')
  return h(
    'table',
    { class: 'grid', 'data-testid': 'probes' },
    h('caption', {}, `Last check `, timeEl(e!.health!.at), ` (${e!.health!.source})`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['Service', 'Probe', 'State', 'p50', 'max', 'Detail'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      ...probes.map((p) =>
        h(
          'tr',
          {},
          h('td', {}, p.service),
          h('td', {}, `${p.probe} (${p.type})`),
          h('td', {}, badge(p.lastOk ? 'up' : 'down', p.lastOk ? 'ok' : 'bad')),
          h('td', { class: 'num' }, `${Math.round(p.latencyMs.p50)} ms`),
          h('td', { class: 'num' }, `${Math.round(p.latencyMs.max)} ms`),
          h('td', { class: 'detail' }, p.lastDetail),
        ),
      ),
    ),
  )
}

export function healthView(ctx: ViewCtx): View {
  let env: string | null = null
  /** Until a person picks one, the environment of the newest health fact is shown. */
  let picked = false
  const select = h('select', {
    id: 'health-env',
    'aria-label': 'Environment shown',
    onchange: () => {
      env = select.value
      picked = true
      shown = ''
      view.render(ctx.store.model)
    },
  })
  const check = h(
    'button',
    {
      disabled: !may(ctx.me, 'deployer'),
      onclick: async () => {
        if (!env) return
        check.setAttribute('aria-busy', 'true')
        const r = await ctx.api.post('/api/v1/health/check', { env })
        check.removeAttribute('aria-busy')
        if (r.ok) toast(`Checked ${env}`)
        else toast(problemText(r.error), 'bad')
      },
    },
    'Check now',
  )
  const latency = createChart('Latency per service (p50)', ' ms')
  const failures = createChart('Failed checks per service', '')
  const table = h('div', {})
  const el = h(
    'section',
    { id: 'health', 'aria-labelledby': 'health-h' },
    h(
      'div',
      { class: 'section-head' },
      h('h2', { id: 'health-h' }, 'Health'),
      h('label', { for: 'health-env' }, 'Environment'),
      select,
      check,
    ),
    h('div', { class: 'charts' }, latency.el, failures.el),
    table,
  )
  let shown = ''
  const view: View = {
    el,
    render(m: Model) {
      const names = m.envs.map((e) => e.env)
      const newest = m.health.at(-1)?.payload.env
      if (!picked && typeof newest === 'string' && names.includes(newest)) env = newest
      if (!env || !names.includes(env)) env = names.at(-1) ?? null
      if (select.options.length !== names.length) {
        select.replaceChildren(...names.map((n) => h('option', { value: n }, n)))
      }
      if (env) select.value = env
      const current = m.envs.find((e) => e.env === env)
      const key = JSON.stringify([
        env,
        m.health.length,
        m.health.at(-1)?.seq,
        m.samples.length,
        current?.health,
      ])
      if (key === shown || !env) return
      shown = key
      const d = chartData(pointsOf(env, m.health, m.samples))
      latency.update(d.services, d.latency)
      failures.update(d.services, d.failures)
      replace(table, probesTable(current))
    },
  }
  return view
}
