/**
 * @module Deploy and rollback runs: the list, newest first, and the chosen run's live step progress, its events —
 * each journal event of the run as it arrives on the event stream (steps, health gate, soak, outcome) — and its
 * command output (run-output.ts).
 */
import { badge, h, replace, timeEl } from '../dom.ts'
import type { Model } from '../model.ts'
import type { JournalEvent, RunState } from '../types.ts'
import type { View, ViewCtx } from './context.ts'
import { runOutput } from './run-output.ts'

const TONE = { running: 'info', succeeded: 'ok', failed: 'bad', interrupted: 'warn' } as const

interface StepInfo {
  id: string
  service: string
  action: string
  description: string
}

/** Output lines the run log could not store, as the outcome event notes them. */
const lost = (p: Record<string, unknown>) =>
  typeof p.logDropped === 'number' ? ` (${p.logDropped} output lines could not be stored)` : ''

function logLine(e: JournalEvent): string {
  const p = e.payload
  switch (e.type) {
    case 'deploy.started':
      return `started ${String(p.kind)} of ${String(p.release)} to ${String(p.env)} (${String(p.confirmation)})`
    case 'deploy.step_completed':
      return `${p.ok ? 'ok  ' : 'FAIL'} ${String(p.stepId)} (${String(p.durationMs)} ms)${p.reason ? `: ${String(p.reason)}` : ''}`
    case 'health.gate_completed':
      return `${String(p.phase)} ${p.passed ? 'passed' : 'failed'} in ${String(p.durationMs)} ms`
    case 'deploy.succeeded':
      return `succeeded in ${String(p.durationMs)} ms${lost(p)}`
    case 'deploy.failed':
      return `failed: ${String(p.reason)}${lost(p)}`
    case 'rollback.prepared':
      return `rollback prepared: ${String(p.detail)}${p.command ? ` — ${String(p.command)}` : ''}`
    default:
      return `${e.type}${e.reason ? `: ${e.reason}` : ''}`
  }
}

function detail(run: RunState, events: JournalEvent[]): HTMLElement {
  const started = events.find((e) => e.type === 'deploy.started')
  const steps = (started?.payload.steps ?? []) as StepInfo[]
  const done = new Map(
    events
      .filter((e) => e.type === 'deploy.step_completed')
      .map((e) => [String(e.payload.stepId), e.payload.ok === true]),
  )
  const ids = steps.length ? steps.map((s) => s.id) : run.planned
  const completed = [...done.values()].length
  return h(
    'div',
    { class: 'run-detail', 'data-testid': 'run-detail' },
    h('h3', {}, `${run.kind} ${run.release} → ${run.env} `, badge(run.status, TONE[run.status])),
    h(
      'p',
      { class: 'muted' },
      `by ${run.actor.id}, `,
      timeEl(run.startedAt),
      `; confirmation: ${run.confirmation}`,
    ),
    h('progress', {
      max: Math.max(ids.length, 1),
      value: completed,
      'aria-label': `${completed} of ${ids.length} steps`,
    }),
    h(
      'ol',
      { class: 'steps', 'data-testid': 'run-steps' },
      ...ids.map((id) => {
        const s = steps.find((x) => x.id === id)
        const state = done.has(id)
          ? done.get(id)
            ? 'done'
            : 'failed'
          : run.status === 'running'
            ? 'pending'
            : 'skipped'
        return h(
          'li',
          { class: `step ${state}` },
          h('span', { class: 'step-state' }, state),
          ` ${s?.description ?? id}`,
        )
      }),
    ),
    h('h4', {}, 'Events'),
    h(
      'pre',
      { class: 'log', 'data-testid': 'run-log', tabindex: 0, 'aria-label': 'Run events' },
      events.map((e) => `${e.time.slice(11, 19)}  ${logLine(e)}`).join('\n') || 'waiting for events…',
    ),
  )
}

export function runsView(ctx: ViewCtx): View {
  const list = h('ul', { class: 'runs', 'data-testid': 'runs' })
  const detailRegion = h('div', {})
  // The output keeps its own element across renders, so new lines append and the scroll position stays.
  const output = runOutput(ctx.api)
  const body = h('div', {}, detailRegion, output.el)
  const el = h(
    'section',
    { id: 'runs', 'aria-labelledby': 'runs-h' },
    h('h2', { id: 'runs-h' }, 'Deploy runs'),
    h('div', { class: 'split' }, list, body),
  )
  const loading = new Set<string>()
  let shown = ''
  return {
    el,
    render(m: Model) {
      const selected = m.selectedRun ?? m.runs[0]?.id ?? null
      const run = m.runs.find((r) => r.id === selected)
      const events = selected ? (m.runEvents[selected] ?? []) : []
      const key = JSON.stringify([m.runs, selected, events.length])
      if (key === shown) return
      shown = key
      if (selected && run && !loading.has(selected)) {
        loading.add(selected)
        void ctx.api.get<{ events: JournalEvent[] }>(`/api/v1/runs/${selected}`).then((r) => {
          if (!r.ok) return
          const live = ctx.store.model.runEvents[selected] ?? []
          const merged = [
            ...r.value.events,
            ...live.filter((e) => !r.value.events.some((x) => x.seq === e.seq)),
          ].sort((a, b) => a.seq - b.seq)
          ctx.store.set({ runEvents: { ...ctx.store.model.runEvents, [selected]: merged } })
        })
      }
      replace(
        list,
        ...m.runs.slice(0, 12).map((r) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                class: `run ${r.id === selected ? 'selected' : ''}`,
                'aria-pressed': r.id === selected ? 'true' : 'false',
                'data-key': `run-${r.id}`,
                onclick: () => ctx.store.set({ selectedRun: r.id }),
              },
              badge(r.status, TONE[r.status]),
              ` ${r.kind} ${r.release} → ${r.env} `,
              timeEl(r.startedAt),
            ),
          ),
        ),
      )
      if (!m.runs.length) replace(list, h('li', { class: 'muted' }, 'No runs yet.'))
      replace(
        detailRegion,
        run ? detail(run, events) : h('p', { class: 'muted' }, 'Choose a run to follow it.'),
      )
      output.el.hidden = !run
      if (run) output.show(run.id)
    },
  }
}
