/**
 * @module Renders a notification as a Slack Block Kit message: header, the text, facts as fields, the next
 * action, and a context line with env, severity, time and actor. Pure; limits of Block Kit are respected.
 */
import type { NotifySeverity } from '../../domain/severity.ts'
import type { Message, Notification } from '../types.ts'

const EMOJI: Record<NotifySeverity, string> = {
  info: ':information_source:',
  warning: ':warning:',
  critical: ':rotating_light:',
}
const HEADER_MAX = 150
const SECTION_MAX = 3000
const FIELD_MAX = 2000
const FIELDS_MAX = 10

/** Slack mrkdwn control characters: &, < and > must be escaped in text. */
export const escapeMrkdwn = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`)
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text })

export function renderSlack(n: Notification, mention?: string): Message {
  const lead = n.severity === 'critical' && mention ? `${mention} ` : ''
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(n.title, HEADER_MAX), emoji: true } },
    { type: 'section', text: mrkdwn(clip(`${lead}${escapeMrkdwn(n.text || n.title)}`, SECTION_MAX)) },
  ]
  if (n.facts.length > 0) {
    const fields = n.facts
      .slice(0, FIELDS_MAX)
      .map((f) => mrkdwn(clip(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`, FIELD_MAX)))
    blocks.push({ type: 'section', fields })
  }
  if (n.nextAction) {
    blocks.push({
      type: 'section',
      text: mrkdwn(clip(`*Next:* \`${escapeMrkdwn(n.nextAction)}\``, SECTION_MAX)),
    })
  }
  if (n.url) {
    blocks.push({ type: 'section', text: mrkdwn(`<${n.url}|Open in RinaWarp>`) })
  }
  const context = [
    n.env ? `*${escapeMrkdwn(n.env)}*` : null,
    `${EMOJI[n.severity]} ${n.severity}`,
    n.time,
    `by ${escapeMrkdwn(n.actor)}`,
  ].filter((x) => x !== null)
  blocks.push({ type: 'context', elements: [mrkdwn(context.join(' · '))] })
  const text = `[${n.severity}]${n.env ? ` ${n.env}:` : ''} ${n.title}`
  return { body: { text, blocks }, text }
}
