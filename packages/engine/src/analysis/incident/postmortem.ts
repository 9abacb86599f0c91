/**
 * @module The postmortem draft written on resolve, in Markdown: summary, impact (duration, services, severity and
 * its factors), timeline, root cause (the top hypothesis with its evidence), what went well or badly (marked for
 * people to fill) and action items (plan steps not done, besides acknowledging and resolving; serious preflight
 * findings).
 */
import { formatDuration } from '../../domain/duration.ts'
import type { JournalEvent } from '../../domain/events.ts'
import { incidentTimeline } from './timeline.ts'
import type { Incident, IncidentContext } from './types.ts'

export type PostmortemContext = Pick<IncidentContext, 'now' | 'services' | 'preflight'>

/** Marks every part a person must write or confirm. */
export const TO_FILL = '_TO FILL:_'

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
const utc = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, '')
const table = (head: string[], rows: string[][]) => [
  `| ${head.join(' | ')} |`,
  `| ${head.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
]

function durationOf(i: Incident, now: Date): string {
  const end = i.resolvedAt ? Date.parse(i.resolvedAt) : now.getTime()
  return formatDuration(Math.max(0, end - Date.parse(i.startedAt)))
}

function rootCause(i: Incident): string[] {
  const [top, ...rest] = i.hypotheses
  if (!top) return [`No hypothesis matched the evidence. ${TO_FILL} describe the root cause.`]
  return [
    `**Most likely: ${top.title}** (score ${top.score}/100)`,
    '',
    ...top.evidence.map((e) => `- ${e}`),
    ...(top.check ? ['', `Check: \`${top.check}\``] : []),
    ...(rest.length
      ? ['', 'Also considered:', '', ...rest.map((h) => `- ${h.title} (score ${h.score}/100)`)]
      : []),
    '',
    `${TO_FILL} confirm or correct the root cause and explain why it happened.`,
  ]
}

function actionItems(i: Incident, ctx: PostmortemContext): string[] {
  const open = (i.plan?.steps ?? []).filter(
    (s) => s.status === 'todo' && s.action !== 'acknowledge' && s.action !== 'resolve',
  )
  const findings = i.release
    ? (ctx.preflight[i.release]?.findings ?? []).filter(
        (f) => f.severity === 'critical' || f.severity === 'high',
      )
    : []
  return [
    ...open.map((s) => `- [ ] ${s.title} (${s.owner})${s.command ? `: \`${s.command}\`` : ''}`),
    ...findings.map(
      (f) =>
        `- [ ] Address preflight finding ${f.ruleId} (${f.severity}) at ${f.file}:${f.line}: ${f.message}`,
    ),
    `- [ ] ${TO_FILL} changes that stop this from happening again, each with an owner.`,
  ]
}

export function postmortemMarkdown(
  incident: Incident,
  events: readonly JournalEvent[],
  ctx: PostmortemContext,
): string {
  const i = incident
  const duration = durationOf(i, ctx.now)
  const services = i.services.map((s) => `${s} (${ctx.services[s] ?? 'other'})`).join(', ') || 'none named'
  const severity = i.assessed === i.severity ? i.severity : `${i.severity} (assessed ${i.assessed})`
  const cause = i.hypotheses[0] ? ` Most likely cause: ${i.hypotheses[0].title.toLowerCase()}.` : ''
  const timeline = incidentTimeline(i, events)
  const lines = [
    `# Postmortem: ${i.title}`,
    '',
    `> Draft generated ${utc(ctx.now.toISOString())} UTC from the journal of incident \`${i.id}\`. Parts marked ${TO_FILL} are for the people involved; check every statement before sharing.`,
    '',
    '## Summary',
    '',
    `${i.title} lasted ${duration} at ${i.severity}${i.resolvedAt ? '' : ' and is not resolved yet'}.${cause}`,
    '',
    ...table(
      ['Field', 'Value'],
      [
        ['Incident', `\`${i.id}\``],
        ['Type', i.type],
        ['Severity', severity],
        ['Environment', i.env],
        ['Release', i.release ?? 'none'],
        ['Started', `${utc(i.startedAt)} UTC`],
        ['Resolved', i.resolvedAt ? `${utc(i.resolvedAt)} UTC` : 'not yet'],
      ],
    ),
    '',
    '## Impact',
    '',
    `- Duration: ${duration}, from the first signal to ${i.resolvedAt ? 'resolution' : 'now'}.`,
    `- Services: ${services}.`,
    `- Severity ${i.severity}, from these factors:`,
    '',
    ...table(
      ['Factor', 'Value', 'Points', 'Why'],
      i.factors.map((f) => [f.name, String(f.value), String(f.weight), f.explanation]),
    ),
    '',
    `${TO_FILL} who was affected and how (users, requests, revenue, support tickets).`,
    '',
    '## Timeline (UTC)',
    '',
    ...table(
      ['Time', 'Who', 'What'],
      timeline.map((t) => [utc(t.time), t.actor, t.text]),
    ),
    '',
    '## Root cause',
    '',
    ...rootCause(i),
    '',
    '## What went well',
    '',
    `${TO_FILL} detection, response, tooling that helped.`,
    '',
    '## What went badly',
    '',
    `${TO_FILL} delays, gaps, missing alerts or runbooks.`,
    '',
    '## Action items',
    '',
    ...actionItems(i, ctx),
    '',
  ]
  return lines.join('\n')
}
