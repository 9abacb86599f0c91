/**
 * @module Incidents: the list with severity and status, and the chosen one in full — severity and what it rests
 * on, the response plan with its next command, the prepared rollback, ranked hypotheses and the timeline — with
 * acknowledge, escalate and resolve (a person's decisions, with reasons).
 */
import { confirmDialog } from '../dialog.ts'
import { badge, h, replace, timeEl } from '../dom.ts'
import type { Model } from '../model.ts'
import { problemText, toast } from '../toast.ts'
import type { IncidentView } from '../types.ts'
import type { View, ViewCtx } from './context.ts'
import { may } from './context.ts'

const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4']
const sevTone = (s: string) => (s === 'SEV1' || s === 'SEV2' ? 'bad' : s === 'SEV3' ? 'warn' : 'info')
const statusTone = { open: 'bad', acknowledged: 'warn', resolved: 'ok' } as const

async function act(ctx: ViewCtx, i: IncidentView, action: 'ack' | 'escalate' | 'resolve'): Promise<void> {
  let body: Record<string, string> = {}
  if (action !== 'ack') {
    const select = h(
      'select',
      { id: 'incident-severity', 'data-testid': 'incident-severity' },
      ...SEVERITIES.map((s) =>
        h('option', { value: s, selected: s === (i.assessed !== i.severity ? i.assessed : i.severity) }, s),
      ),
    )
    const ok = await confirmDialog({
      title: action === 'escalate' ? `Change the severity of ${i.id}` : `Resolve ${i.id}?`,
      body: [
        action === 'escalate'
          ? `Now ${i.severity}; the analysis assesses ${i.assessed}.`
          : 'A postmortem draft is written and the guided recovery starts (unfreeze, verify, update, resume).',
      ],
      fields: action === 'escalate' ? [h('label', { for: 'incident-severity' }, 'Severity'), select] : [],
      reason: { label: 'Reason (recorded in the audit trail)', required: true },
      confirmLabel: action === 'escalate' ? 'Change severity' : 'Resolve',
    })
    if (!ok) return
    body = action === 'escalate' ? { severity: select.value, reason: ok.reason } : { reason: ok.reason }
  }
  const r = await ctx.api.post(`/api/v1/incidents/${encodeURIComponent(i.id)}/${action}`, body)
  if (!r.ok) return toast(problemText(r.error), 'bad')
  toast(
    `${i.id}: ${action === 'ack' ? 'acknowledged' : action === 'escalate' ? 'severity changed' : 'resolved'}`,
  )
  ctx.refresh.soon(['incidents'])
}

function detail(i: IncidentView, ctx: ViewCtx): HTMLElement {
  const deployer = may(ctx.me, 'deployer')
  const open = i.status !== 'resolved'
  const rb = i.plan?.rollback
  return h(
    'div',
    { class: 'incident-detail', 'data-testid': 'incident-detail', 'data-incident-id': i.id },
    h(
      'h3',
      {},
      badge(i.severity, sevTone(i.severity)),
      ` ${i.title} `,
      badge(i.status, statusTone[i.status]),
    ),
    h(
      'p',
      { class: 'muted' },
      `${i.id} · ${i.type} in ${i.env} · ${i.services.join(', ') || 'no service'}${i.release ? ` · after ${i.release}` : ''} · started `,
      timeEl(i.startedAt),
      i.assessed !== i.severity ? ` · assessed ${i.assessed}` : '',
    ),
    h(
      'div',
      { class: 'actions' },
      h(
        'button',
        {
          disabled: !deployer || !open || i.status === 'acknowledged',
          'data-key': 'inc-ack',
          onclick: () => void act(ctx, i, 'ack'),
        },
        'Acknowledge',
      ),
      h(
        'button',
        { disabled: !deployer || !open, 'data-key': 'inc-esc', onclick: () => void act(ctx, i, 'escalate') },
        'Change severity…',
      ),
      h(
        'button',
        { disabled: !deployer || !open, 'data-key': 'inc-res', onclick: () => void act(ctx, i, 'resolve') },
        'Resolve…',
      ),
    ),
    h('h4', {}, 'Severity factors'),
    h(
      'ul',
      { class: 'factors' },
      ...i.factors.map((f) => h('li', {}, `${f.name} (+${f.weight}): ${f.explanation}`)),
    ),
    h('h4', {}, `Plan: ${i.plan?.title ?? 'none'}`),
    i.plan?.next
      ? h(
          'p',
          {},
          'Next: ',
          h('code', {}, i.plan.next.command),
          i.plan.next.human ? ' (a person decides)' : '',
        )
      : null,
    h(
      'ol',
      { class: 'steps', 'data-testid': 'incident-plan' },
      ...(i.plan?.steps ?? []).map((s) =>
        h(
          'li',
          { class: `step ${s.status === 'done' ? 'done' : s.status === 'skipped' ? 'skipped' : 'pending'}` },
          h('span', { class: 'step-state' }, s.status),
          ` ${s.title} — ${s.owner}${s.human ? ' (human)' : ''}`,
          s.command ? h('code', { class: 'cmd' }, s.command) : null,
          s.note ? h('span', { class: 'muted' }, ` ${s.note}`) : null,
        ),
      ),
    ),
    h('h4', {}, 'Prepared rollback'),
    rb
      ? h(
          'p',
          { 'data-testid': 'incident-rollback' },
          badge(rb.ready ? 'ready' : 'not ready', rb.ready ? 'ok' : 'warn'),
          ` ${rb.from ?? '?'} → ${rb.to ?? '?'}: ${rb.detail} `,
          rb.command ? h('code', {}, rb.command) : null,
        )
      : h('p', { class: 'muted' }, 'No rollback applies.'),
    i.hypotheses.length ? h('h4', {}, 'Hypotheses') : null,
    h('ol', {}, ...i.hypotheses.map((x) => h('li', {}, `${x.title} (${x.score})`))),
    h('h4', {}, 'Timeline'),
    h(
      'ol',
      { class: 'timeline', 'data-testid': 'incident-timeline' },
      ...i.timeline.map((t) =>
        h('li', {}, h('time', { datetime: t.time }, t.time.slice(11, 19)), ` ${t.actor}: ${t.text}`),
      ),
    ),
  )
}

export function incidentsView(ctx: ViewCtx): View {
  const list = h('ul', { class: 'runs', 'data-testid': 'incidents' })
  const body = h('div', {})
  const el = h(
    'section',
    { id: 'incidents', 'aria-labelledby': 'incidents-h' },
    h('h2', { id: 'incidents-h' }, 'Incidents'),
    h('div', { class: 'split' }, list, body),
  )
  let shown = ''
  let loaded: IncidentView | null = null
  const load = async (id: string) => {
    const r = await ctx.api.get<IncidentView>(`/api/v1/incidents/${encodeURIComponent(id)}`)
    if (r.ok && (ctx.store.model.selectedIncident ?? ctx.store.model.incidents[0]?.id) === id) {
      loaded = r.value
      replace(body, detail(r.value, ctx))
    }
  }
  return {
    el,
    render(m: Model) {
      const selected = m.selectedIncident ?? m.incidents[0]?.id ?? null
      const key = JSON.stringify([m.incidents, selected])
      if (key === shown) return
      shown = key
      if (m.problems.incidents) replace(list, h('li', { class: 'error' }, m.problems.incidents.message))
      else if (!m.incidents.length) replace(list, h('li', { class: 'muted' }, 'No incidents.'))
      else
        replace(
          list,
          ...m.incidents.map((i) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  class: `run ${i.id === selected ? 'selected' : ''}`,
                  'aria-pressed': i.id === selected ? 'true' : 'false',
                  'data-key': `inc-${i.id}`,
                  onclick: () => ctx.store.set({ selectedIncident: i.id }),
                },
                badge(i.severity, sevTone(i.severity)),
                ' ',
                badge(i.status, statusTone[i.status]),
                ` ${i.title} (${i.env}) `,
                timeEl(i.startedAt),
              ),
            ),
          ),
        )
      if (!selected) return replace(body, h('p', { class: 'muted' }, 'Nothing to respond to.'))
      if (loaded && loaded.id !== selected) replace(body, h('p', { class: 'muted' }, 'Loading…'))
      void load(selected)
    },
  }
}
