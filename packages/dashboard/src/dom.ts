/**
 * @module A tiny DOM builder: elements from tag, attributes and children (text is always set as text, never as
 * HTML), and a region update that keeps keyboard focus on the element with the same `data-key` after a re-render.
 */

type Child = Node | string | number | null | undefined | false
type Handler = (ev: Event) => void
export type Attrs = Record<string, string | number | boolean | Handler | null | undefined>

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v)
    else if (k === 'class') el.className = String(v)
    else if (v === true) el.setAttribute(k, '')
    else el.setAttribute(k, String(v))
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue
    el.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c)
  }
  return el
}

/** Replaces a region's content; the focused element (by `data-key`) is focused again afterwards. */
export function replace(region: HTMLElement, ...children: (Child | Child[])[]): void {
  const active = document.activeElement
  const key = active instanceof HTMLElement && region.contains(active) ? active.dataset.key : undefined
  region.replaceChildren(
    ...(children.flat().filter((c) => c !== null && c !== undefined && c !== false) as (Node | string)[]).map(
      (c) => (typeof c === 'number' ? String(c) : c),
    ),
  )
  if (key) region.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus()
}

/** "3 min ago" style times, with the exact time as a tooltip. */
export function timeEl(iso: string | null, now = Date.now()): HTMLElement {
  if (!iso) return h('span', { class: 'muted' }, '—')
  const s = Math.round((now - Date.parse(iso)) / 1000)
  const text =
    s < 60
      ? `${Math.max(s, 0)}s ago`
      : s < 3600
        ? `${Math.round(s / 60)} min ago`
        : s < 86400
          ? `${Math.round(s / 3600)} h ago`
          : iso.slice(0, 10)
  return h('time', { datetime: iso, title: iso }, text)
}

export const badge = (text: string, tone: 'ok' | 'bad' | 'warn' | 'info' | 'muted') =>
  h('span', { class: `badge ${tone}` }, text)
