/**
 * @module What a group sends, pure: one event is one stakeholder notice; several are one digest whose title
 * counts them, whose text has a line per event, with the facts and next action of the latest event that has
 * them; a repeat restates the incidents still open.
 */
import type { JournalEvent } from '../../domain/events.ts'
import { NOTIFY_SEVERITIES, type NotifySeverity } from '../../domain/severity.ts'
import type { NotifyRequest } from '../../commands/notify.ts'
import type { Decision, Group } from './groups.ts'
import { noticeOf, type NoticeContext } from './notice.ts'

export interface MessageContext extends NoticeContext {
  severityOf(e: JournalEvent): NotifySeverity
  channels: string[]
}

const worst = (list: NotifySeverity[]): NotifySeverity =>
  NOTIFY_SEVERITIES[Math.max(0, ...list.map((s) => NOTIFY_SEVERITIES.indexOf(s)))]!

export function buildMessage(g: Group, d: NonNullable<Decision>, c: MessageContext): NotifyRequest {
  const notices = d.events.map((e) => noticeOf(e, c))
  const severity = worst(d.events.map(c.severityOf))
  const last = d.events[d.events.length - 1]!
  const base = {
    channels: c.channels,
    severity,
    sourceSeq: last.seq,
    ...(g.env !== null ? { env: g.env } : {}),
  }
  if (d.kind === 'repeat') {
    const latest = notices[notices.length - 1]!
    return {
      ...base,
      title: `Still open: ${d.events.length === 1 ? latest.title : `${d.events.length} incidents in ${g.env ?? 'all environments'}`}`,
      text: notices.map((n) => `• ${n.title}`).join('\n'),
      facts: latest.facts,
      nextAction: [...notices].reverse().find((n) => n.nextAction)?.nextAction ?? null,
    }
  }
  if (notices.length === 1) {
    const [n] = notices
    return { ...base, title: n!.title, text: n!.text, facts: n!.facts, nextAction: n!.nextAction }
  }
  const withFacts = [...notices].reverse()
  return {
    ...base,
    title: `${notices.length} ${g.family} updates${g.env ? ` in ${g.env}` : ''}: ${notices[notices.length - 1]!.title}`,
    text: notices.map((n) => `• ${n.title}`).join('\n'),
    facts: withFacts.find((n) => n.facts.length)?.facts ?? [],
    nextAction: withFacts.find((n) => n.nextAction)?.nextAction ?? null,
  }
}
