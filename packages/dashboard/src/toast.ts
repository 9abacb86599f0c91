/** @module Outcomes of actions, announced politely to screen readers and shown for a while. */
import { h } from './dom.ts'
import type { ApiProblem } from './api.ts'

let region: HTMLElement | null = null

export function toastRegion(): HTMLElement {
  region ??= h('div', { class: 'toasts', role: 'status', 'aria-live': 'polite', 'data-testid': 'toasts' })
  return region
}

export function toast(text: string, tone: 'ok' | 'bad' = 'ok'): void {
  const el = h('div', { class: `toast ${tone}` }, text)
  toastRegion().append(el)
  setTimeout(() => el.remove(), tone === 'bad' ? 12_000 : 6_000)
}

/** A refused action: what happened and what to do next. */
export const problemText = (e: ApiProblem): string => `${e.code}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}`
