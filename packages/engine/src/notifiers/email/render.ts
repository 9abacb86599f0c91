/** @module Renders a notification as an email: a subject, a plain-text part and a simple HTML part. Pure. */
import type { Message, Notification } from '../types.ts'

export interface EmailBody {
  subject: string
  text: string
  html: string
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export function renderEmail(n: Notification): Message {
  const subject = `[${n.severity.toUpperCase()}]${n.env ? ` ${n.env}:` : ''} ${n.title}`.replace(
    /[\r\n]+/g,
    ' ',
  )
  const meta = `${n.env ? `Environment: ${n.env} · ` : ''}Severity: ${n.severity} · ${n.time} · by ${n.actor}`
  const text = [
    n.title,
    '',
    n.text,
    '',
    ...n.facts.map((f) => `${f.label}: ${f.value}`),
    ...(n.nextAction ? ['', `Next: ${n.nextAction}`] : []),
    ...(n.url ? ['', n.url] : []),
    '',
    meta,
  ].join('\n')
  const rows = n.facts
    .map((f) => `<tr><th align="left">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`)
    .join('')
  const html = [
    `<h2>${escapeHtml(n.title)}</h2>`,
    `<p>${escapeHtml(n.text).replace(/\n/g, '<br>')}</p>`,
    rows ? `<table>${rows}</table>` : '',
    n.nextAction ? `<p><strong>Next:</strong> <code>${escapeHtml(n.nextAction)}</code></p>` : '',
    n.url ? `<p><a href="${escapeHtml(n.url)}">Open in RinaWarp</a></p>` : '',
    `<p style="color:#666">${escapeHtml(meta)}</p>`,
  ].join('')
  const body: EmailBody = { subject, text, html }
  return { body, text: `${subject}\n${n.text}` }
}
