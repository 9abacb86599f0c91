/**
 * @module A run's command output, live: GET /api/v1/runs/{runId}/log is polled from the last line seen while the
 * run runs and no more once the server says it ended. Lines are appended, never re-rendered; stderr lines are
 * marked; the box follows new lines unless the person scrolled up (a button jumps back), and it takes keyboard
 * focus so arrows, Page Up/Down, Home and End scroll it.
 */
import type { Api } from '../api.ts'
import { h } from '../dom.ts'
import { problemText } from '../toast.ts'

export const POLL_MS = 1000
const PAGE = 1000

interface OutputLine {
  seq: number
  time: string
  stream: 'stdout' | 'stderr'
  stepId: string | null
  text: string
}

interface OutputPage {
  lines: OutputLine[]
  next: number
  running: boolean
}

export interface RunOutput {
  el: HTMLElement
  /** Shows this run's output, from the start when it is another run than the one shown. */
  show(runId: string): void
}

export function runOutput(api: Api, pollMs = POLL_MS): RunOutput {
  const box = h('div', {
    class: 'output',
    tabindex: 0,
    'aria-label': 'Command output',
    'data-testid': 'run-output',
  })
  const status = h('p', { class: 'muted', 'aria-live': 'polite', 'data-testid': 'run-output-status' })
  const jump = h(
    'button',
    { type: 'button', class: 'jump', hidden: true, onclick: () => toNewest() },
    'Jump to the newest line ↓',
  )
  const el = h('div', { class: 'run-output' }, h('h4', {}, 'Output'), box, jump, status)
  let shown: string | null = null
  let generation = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let count = 0
  let lastStep: string | null = null
  let follow = true

  /** The status is a polite live region: it changes (and is announced) only when there is news. */
  const say = (text: string) => {
    if (status.textContent !== text) status.textContent = text
  }
  const toNewest = () => {
    follow = true
    jump.hidden = true
    box.scrollTop = box.scrollHeight
  }
  box.addEventListener('scroll', () => {
    follow = box.scrollTop + box.clientHeight >= box.scrollHeight - 8
    if (follow) jump.hidden = true
  })

  const append = (lines: readonly OutputLine[]) => {
    const rows: HTMLElement[] = []
    for (const l of lines) {
      if (l.stepId !== null && l.stepId !== lastStep) rows.push(h('div', { class: 'step-head' }, l.stepId))
      if (l.stepId !== null) lastStep = l.stepId
      const err = l.stream === 'stderr'
      rows.push(
        h(
          'div',
          { class: `line ${l.stream}` },
          h('span', { class: 'at' }, l.time.slice(11, 19)),
          err ? h('span', { class: 'mark', 'aria-hidden': 'true' }, '!') : null,
          err ? h('span', { class: 'sr-only' }, 'stderr: ') : null,
          l.text,
        ),
      )
    }
    box.append(...rows)
    count += lines.length
    if (follow) box.scrollTop = box.scrollHeight
    else if (lines.length > 0) jump.hidden = false
  }

  const poll = async (gen: number, runId: string, after: number): Promise<void> => {
    const r = await api.get<OutputPage>(
      `/api/v1/runs/${encodeURIComponent(runId)}/log?after=${after}&limit=${PAGE}`,
    )
    if (gen !== generation) return
    if (!r.ok) {
      say(`Output not available: ${problemText(r.error)}`)
      timer = setTimeout(() => void poll(gen, runId, after), pollMs * 5)
      return
    }
    append(r.value.lines)
    if (r.value.lines.length === PAGE) return poll(gen, runId, r.value.next)
    if (r.value.running) {
      say('Following the output while the run goes on.')
      timer = setTimeout(() => void poll(gen, runId, r.value.next), pollMs)
    } else {
      say(
        count
          ? `The run has ended: ${count} line${count === 1 ? '' : 's'} of output.`
          : 'The run has ended; its commands printed nothing.',
      )
    }
  }

  return {
    el,
    show(runId) {
      if (runId === shown) return
      shown = runId
      generation += 1
      if (timer !== null) clearTimeout(timer)
      box.replaceChildren()
      count = 0
      lastStep = null
      follow = true
      jump.hidden = true
      say('Loading the output…')
      void poll(generation, runId, 0)
    },
  }
}
