/**
 * @module Approvals waiting: releases validated in one environment and not yet running in the next, with the
 * approvals they have for it. An approver approves with a reason; the engine refuses self-approval when the
 * policy says so, and the refusal is shown as it comes.
 */
import { confirmDialog } from '../dialog.ts'
import { badge, h, replace, timeEl } from '../dom.ts'
import type { Model } from '../model.ts'
import { problemText, toast } from '../toast.ts'
import type { EnvStatus, ReleaseState } from '../types.ts'
import type { View, ViewCtx } from './context.ts'
import { may } from './context.ts'

export interface Waiting {
  release: ReleaseState
  /** The environment it waits to reach. */
  env: string
}

/** Each release validated in an environment whose next environment does not run it yet, newest first. */
export function waitingApprovals(envs: readonly EnvStatus[], releases: readonly ReleaseState[]): Waiting[] {
  const order = envs.map((e) => e.env)
  const out: Waiting[] = []
  for (const r of [...releases].reverse()) {
    const reached = Math.max(-1, ...r.validatedIn.map((e) => order.indexOf(e)))
    const next = envs[reached + 1]
    if (reached < 0 || !next || next.current === r.id) continue
    out.push({ release: r, env: next.env })
  }
  return out
}

async function approve(w: Waiting, ctx: ViewCtx): Promise<void> {
  const ok = await confirmDialog({
    title: `Approve ${w.release.id} for ${w.env}?`,
    body: [
      `Validated in ${w.release.validatedIn.join(', ')}.${w.release.subject ? ` “${w.release.subject}”` : ''}`,
      w.release.preflight
        ? `Preflight: ${w.release.preflight.decision} — ${w.release.preflight.summary}`
        : 'No preflight recorded.',
      `Your approval is recorded as ${ctx.me.user}.`,
    ],
    reason: { label: 'Reason (what you reviewed)', required: true },
    confirmLabel: 'Approve',
  })
  if (!ok) return
  const r = await ctx.api.post(`/api/v1/releases/${encodeURIComponent(w.release.id)}/approvals`, {
    env: w.env,
    reason: ok.reason,
  })
  if (!r.ok) return toast(problemText(r.error), 'bad')
  toast(`Approved ${w.release.id} for ${w.env}`)
  ctx.refresh.soon(['releases'])
}

export function approvalsView(ctx: ViewCtx): View {
  const body = h('div', {})
  const el = h(
    'section',
    { id: 'approvals', 'aria-labelledby': 'approvals-h' },
    h('h2', { id: 'approvals-h' }, 'Approvals waiting'),
    body,
  )
  let shown = ''
  return {
    el,
    render(m: Model) {
      const waiting = waitingApprovals(m.envs, m.releases)
      const key = JSON.stringify(waiting)
      if (key === shown) return
      shown = key
      if (!waiting.length) return replace(body, h('p', { class: 'muted' }, 'Nothing waits for an approval.'))
      replace(
        body,
        h(
          'ul',
          { class: 'list', 'data-testid': 'approvals' },
          ...waiting.map((w) => {
            const given = w.release.approvals[w.env] ?? []
            return h(
              'li',
              { class: 'card' },
              h('strong', {}, w.release.id),
              ` → ${w.env} `,
              given.length
                ? badge(`${given.length} approval${given.length === 1 ? '' : 's'}`, 'ok')
                : badge('not approved', 'warn'),
              h(
                'ul',
                { class: 'muted' },
                ...given.map((a) => h('li', {}, `${a.by.id}: “${a.reason}” `, timeEl(a.at))),
              ),
              h(
                'button',
                {
                  'data-key': `approve-${w.release.id}-${w.env}`,
                  'data-testid': `approve-${w.release.id}`,
                  disabled: !may(ctx.me, 'approver'),
                  title: may(ctx.me, 'approver') ? undefined : 'needs the approver role',
                  onclick: () => void approve(w, ctx),
                },
                'Approve…',
              ),
            )
          }),
        ),
      )
    },
  }
}
