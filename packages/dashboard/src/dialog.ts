/**
 * @module Confirmation dialogs (native <dialog>: focus kept inside, Escape cancels) with a required reason where
 * the action is a person's decision; a blocked action says why instead of offering a way around.
 */
import { h } from './dom.ts'

export interface ConfirmOptions {
  title: string
  body: (Node | string)[]
  confirmLabel: string
  /** A reason field; `required` makes it at least 3 characters, as the API asks. */
  reason?: { label: string; required: boolean; placeholder?: string }
  /** Extra inputs shown above the reason (their values are read by the caller). */
  fields?: HTMLElement[]
  /** When set, the action cannot be taken now: this text says why, and the confirm button is disabled. */
  blocked?: string | null
  danger?: boolean
}

let seq = 0

/** Shows the dialog; resolves with the reason given, or null when cancelled. */
export function confirmDialog(o: ConfirmOptions): Promise<{ reason: string } | null> {
  const id = `dlg${++seq}`
  const error = h('p', { id: `${id}-err`, class: 'error', role: 'alert', hidden: true })
  const reason = o.reason
    ? h('textarea', {
        id: `${id}-reason`,
        name: 'reason',
        rows: 2,
        required: o.reason.required,
        placeholder: o.reason.placeholder ?? '',
        'aria-describedby': `${id}-err`,
        'data-testid': 'dialog-reason',
      })
    : null
  const confirm = h(
    'button',
    {
      type: 'submit',
      class: o.danger ? 'danger' : 'primary',
      disabled: Boolean(o.blocked),
      'data-testid': 'dialog-confirm',
    },
    o.confirmLabel,
  )
  const cancel = h('button', { type: 'button', 'data-testid': 'dialog-cancel' }, 'Cancel')
  const form = h(
    'form',
    { class: 'dialog-form', novalidate: true },
    h('h2', { id: `${id}-title` }, o.title),
    ...o.body.map((b) => (typeof b === 'string' ? h('p', {}, b) : b)),
    ...(o.fields ?? []),
    o.blocked ? h('p', { class: 'blocked', role: 'note' }, o.blocked) : null,
    reason ? h('label', { for: `${id}-reason` }, o.reason!.label) : null,
    reason,
    error,
    h('div', { class: 'dialog-actions' }, cancel, confirm),
  )
  const dialog = h('dialog', { 'aria-labelledby': `${id}-title`, 'data-testid': 'dialog' }, form)
  document.body.append(dialog)
  const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
  return new Promise((resolve) => {
    let result: { reason: string } | null = null
    const close = (r: { reason: string } | null) => {
      result = r
      dialog.close()
    }
    dialog.addEventListener('close', () => {
      dialog.remove()
      opener?.focus()
      resolve(result)
    })
    cancel.addEventListener('click', () => close(null))
    form.addEventListener('submit', (ev) => {
      ev.preventDefault()
      if (o.blocked) return
      const text = reason?.value.trim() ?? ''
      if (o.reason?.required && text.length < 3) {
        error.textContent = 'Give a reason (at least 3 characters): it is recorded in the audit trail.'
        error.hidden = false
        reason?.setAttribute('aria-invalid', 'true')
        reason?.focus()
        return
      }
      close({ reason: text })
    })
    dialog.showModal()
    ;(reason && !o.blocked ? reason : cancel).focus()
  })
}
