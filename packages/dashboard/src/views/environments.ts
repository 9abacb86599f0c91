/**
 * @module Environments and releases: for each environment the current and previous release, the freeze switch,
 * a deploy in progress (its lock), the last health check and recent runs, with deploy and rollback actions.
 */
import { badge, h, replace, timeEl } from '../dom.ts'
import type { Model } from '../model.ts'
import type { EnvStatus } from '../types.ts'
import type { View, ViewCtx } from './context.ts'
import { may } from './context.ts'
import { openDeploy, openRollback } from './deploy.ts'
import { freezeControl } from './freeze.ts'

function card(e: EnvStatus, ctx: ViewCtx): HTMLElement {
  const deployer = may(ctx.me, 'deployer')
  const health = e.health
    ? badge(e.health.healthy ? 'healthy' : 'unhealthy', e.health.healthy ? 'ok' : 'bad')
    : badge('not checked', 'muted')
  return h(
    'article',
    { class: 'card env', 'aria-labelledby': `env-${e.env}`, 'data-testid': `env-${e.env}` },
    h(
      'header',
      {},
      h('h3', { id: `env-${e.env}` }, e.env),
      health,
      e.lock ? badge('deploying', 'info') : null,
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Current'),
      h('dd', { 'data-testid': `current-${e.env}` }, e.current ?? '—'),
      h('dt', {}, 'Previous'),
      h('dd', {}, e.previous ?? '—'),
      h('dt', {}, 'Checked'),
      h('dd', {}, timeEl(e.health?.at ?? null)),
    ),
    freezeControl(e.freeze, ctx),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          class: 'primary',
          'data-key': `deploy-${e.env}`,
          'data-testid': `deploy-${e.env}`,
          disabled: !deployer || e.freeze.frozen,
          title: e.freeze.frozen ? `${e.env} is frozen` : deployer ? undefined : 'needs the deployer role',
          onclick: () => void openDeploy(e, ctx),
        },
        'Deploy…',
      ),
      h(
        'button',
        {
          'data-key': `rollback-${e.env}`,
          disabled: !deployer || !e.previous,
          onclick: () => void openRollback(e, ctx),
        },
        'Roll back…',
      ),
    ),
  )
}

export function environmentsView(ctx: ViewCtx): View {
  const body = h('div', { class: 'cards' })
  const el = h(
    'section',
    { id: 'environments', 'aria-labelledby': 'environments-h' },
    h('h2', { id: 'environments-h' }, 'Environments'),
    body,
  )
  let shown = ''
  return {
    el,
    render(m: Model) {
      const key = JSON.stringify([m.envs, m.releases.length, m.problems.status])
      if (key === shown) return
      shown = key
      if (m.problems.status) return replace(body, h('p', { class: 'error' }, m.problems.status.message))
      replace(body, ...m.envs.map((e) => card(e, ctx)))
    },
  }
}
