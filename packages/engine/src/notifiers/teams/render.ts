/**
 * @module Renders a notification as a Teams workflow message: one attachment holding an Adaptive Card 1.4 with
 * a title TextBlock, the text, a FactSet, the next action, a context line and a link. Pure.
 */
import type { NotifySeverity } from '../../domain/severity.ts'
import type { Message, Notification } from '../types.ts'

export const ADAPTIVE_CARD_TYPE = 'application/vnd.microsoft.card.adaptive'

const COLOR: Record<NotifySeverity, string> = { info: 'Accent', warning: 'Warning', critical: 'Attention' }

export function renderTeams(n: Notification): Message {
  const facts = [
    ...(n.env ? [{ title: 'Environment', value: n.env }] : []),
    { title: 'Severity', value: n.severity },
    ...n.facts.map((f) => ({ title: f.label, value: f.value })),
  ]
  const body: unknown[] = [
    {
      type: 'TextBlock',
      text: n.title,
      size: 'Large',
      weight: 'Bolder',
      color: COLOR[n.severity],
      wrap: true,
    },
    { type: 'TextBlock', text: n.text, wrap: true },
    { type: 'FactSet', facts },
  ]
  if (n.nextAction) {
    body.push({ type: 'TextBlock', text: `**Next:** ${n.nextAction}`, wrap: true, fontType: 'Monospace' })
  }
  body.push({
    type: 'TextBlock',
    text: `${n.time} · by ${n.actor}`,
    isSubtle: true,
    size: 'Small',
    wrap: true,
  })
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
    msteams: { width: 'Full' },
  }
  if (n.url) card.actions = [{ type: 'Action.OpenUrl', title: 'Open in RinaWarp', url: n.url }]
  const text = `[${n.severity}]${n.env ? ` ${n.env}:` : ''} ${n.title}`
  return {
    body: {
      type: 'message',
      attachments: [{ contentType: ADAPTIVE_CARD_TYPE, contentUrl: null, content: card }],
    },
    text,
  }
}
