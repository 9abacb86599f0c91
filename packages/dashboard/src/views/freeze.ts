/**
 * @module The freeze switch of an environment: who froze it, when, why and until when; turning it on or off asks
 * for a reason in a confirmation dialog (a person's decision, journaled with the reason).
 */
import { confirmDialog } from '../dialog.ts'
import { badge, h, timeEl } from '../dom.ts'
import { problemText, toast } from '../toast.ts'
import type { FreezeStatus } from '../types.ts'
import type { ViewCtx } from './context.ts'
import { may } from './context.ts'

export function freezeControl(f: FreezeStatus, ctx: ViewCtx): HTMLElement {
  const detail = f.manual
    ? h(
        'span',
        {},
        `by ${f.manual.by.id}: “${f.manual.reason}” `,
        timeEl(f.manual.since),
        f.manual.until ? ` until ${f.manual.until}` : '',
      )
    : f.activeWindows.length
      ? h('span', {}, `window ${f.activeWindows.map((w) => w.name).join(', ')}`)
      : f.nextWindow
        ? h('span', { class: 'muted' }, `next window ${f.nextWindow.name} at ${f.nextWindow.start}`)
        : null
  const toggle = h(
    'button',
    {
      class: `switch ${f.frozen ? 'on' : ''}`,
      role: 'switch',
      'aria-checked': f.frozen ? 'true' : 'false',
      'aria-label': `Freeze ${f.env}`,
      'data-key': `freeze-${f.env}`,
      'data-testid': `freeze-${f.env}`,
      disabled: !may(ctx.me, 'deployer'),
      title: may(ctx.me, 'deployer') ? undefined : 'needs the deployer role',
      onclick: () => void change(f, ctx),
    },
    h('span', { class: 'knob', 'aria-hidden': 'true' }),
    f.frozen ? 'Frozen' : 'Not frozen',
  )
  return h('div', { class: 'freeze' }, toggle, f.frozen ? badge('no deploys', 'bad') : null, detail)
}

async function change(f: FreezeStatus, ctx: ViewCtx): Promise<void> {
  const on = !f.frozen
  const ok = await confirmDialog({
    title: on ? `Freeze ${f.env}?` : `Lift the freeze of ${f.env}?`,
    body: [
      on
        ? `No deploy to ${f.env} is accepted until the freeze is lifted.`
        : `Deploys to ${f.env} are accepted again once the freeze is lifted${f.activeWindows.length ? ' (a freeze window still applies)' : ''}.`,
    ],
    confirmLabel: on ? 'Freeze' : 'Unfreeze',
    reason: { label: 'Reason (recorded in the audit trail)', required: true },
    danger: on,
  })
  if (!ok) return
  const r = await ctx.api.post(`/api/v1/freeze/${on ? 'enable' : 'disable'}`, {
    env: f.env,
    reason: ok.reason,
  })
  if (!r.ok) return toast(problemText(r.error), 'bad')
  toast(on ? `${f.env} is frozen` : `${f.env} is no longer frozen`)
  ctx.refresh.soon(['status'])
}
